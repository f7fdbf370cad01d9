import { connect } from 'node:net'

/**
 * Whether something accepts TCP connections at host:port (within 500 ms):
 * tests and benchmarks that need a shared server (Redis) use it when it is
 * there and say so when it is not.
 */
export function reachable(host: string, port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = connect({ host, port, timeout: 500 })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
    socket.once('timeout', () => done(false))
  })
}
