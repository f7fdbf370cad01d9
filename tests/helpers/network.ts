import { connect, createServer } from 'node:net'

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

/**
 * A TCP port nothing listens on now, for a server a test starts: fixed
 * ports collide when two suites run on one machine.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}
