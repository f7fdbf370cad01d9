/*
|--------------------------------------------------------------------------
| npm run dev
|--------------------------------------------------------------------------
|
| Brings Corps up at http://localhost:3333 with demo data on a fresh machine:
| creates .env, starts the embedded PostgreSQL unless a server is configured,
| migrates, seeds (the seeders skip data that is already there) and serves,
| with a background-job worker beside the server (docs/jobs.md).
*/
import { ensureEnvFile, prepareDatabase } from './support/database.ts'
import { ace } from './support/run.ts'

ensureEnvFile()
const database = await prepareDatabase('development')
let code = await ace(['migration:run', '--force'])
if (code === 0) code = await ace(['db:seed'])
if (code === 0) {
  const worker = new AbortController()
  const working = ace(['jobs:work'], {}, worker.signal)
  code = await ace(['serve', '--hmr', ...process.argv.slice(2)])
  worker.abort()
  await working
}
await database.stop()
process.exit(code)
