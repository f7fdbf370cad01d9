/*
| The floor bench:sse compares Corps with: a bare node:http server that
| holds event streams and nothing else (no framework, no auth, no
| channels). Listens on PORT; plain Node (type stripping).
*/
import { createServer } from 'node:http'

createServer((request, response) => {
  request.socket.setKeepAlive(true)
  request.socket.setNoDelay(true)
  request.socket.setTimeout(0)
  response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' })
  response.write(':ok\n\n')
}).listen(Number(process.env.PORT), '127.0.0.1')
