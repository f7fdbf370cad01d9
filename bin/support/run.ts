import { spawn } from 'node:child_process'
import { APP_ROOT } from './database.ts'

/**
 * Runs `node ace …` in the app root with the same Node binary, inheriting the
 * terminal, and resolves with its exit code. Aborting `abort` stops it with
 * SIGTERM (a worker then finishes the jobs it started).
 */
export function ace(
  args: string[],
  env: Record<string, string> = {},
  abort?: AbortSignal
): Promise<number> {
  return new Promise((resolveCode) => {
    const child = spawn(process.execPath, ['ace', ...args], {
      cwd: APP_ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env },
      signal: abort,
    })
    // Aborting also reports an AbortError; the exit below is what counts.
    child.on('error', () => {})
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
