import { spawn } from 'node:child_process'
import { APP_ROOT } from './database.ts'

/**
 * Runs `node ace …` in the app root with the same Node binary, inheriting the
 * terminal, and resolves with its exit code.
 */
export function ace(args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolveCode) => {
    const child = spawn(process.execPath, ['ace', ...args], {
      cwd: APP_ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolveCode(code ?? (signal ? 1 : 0))
    })
  })
}
