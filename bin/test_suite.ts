/*
|--------------------------------------------------------------------------
| npm test
|--------------------------------------------------------------------------
|
| Runs every suite against its own database: the embedded PostgreSQL unless
| a server is configured. Extra arguments go to `node ace test`
| (e.g. `npm test -- functional --files=auth`).
*/
import { ensureEnvFile, prepareDatabase } from './support/database.ts'
import { ace } from './support/run.ts'

ensureEnvFile()
const database = await prepareDatabase('test')
const code = await ace(['test', ...process.argv.slice(2)], { NODE_ENV: 'test' })
await database.stop()
process.exit(code)
