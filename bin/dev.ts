/*
|--------------------------------------------------------------------------
| npm run dev
|--------------------------------------------------------------------------
|
| Brings Corps up at http://localhost:3333 with demo data on a fresh machine:
| creates .env, starts the embedded PostgreSQL unless a server is configured,
| migrates, seeds (the seeders skip data that is already there) and serves.
*/
import { ensureEnvFile, prepareDatabase } from './support/database.ts'
import { ace } from './support/run.ts'

ensureEnvFile()
const database = await prepareDatabase('development')
let code = await ace(['migration:run', '--force'])
if (code === 0) code = await ace(['db:seed'])
if (code === 0) code = await ace(['serve', '--hmr', ...process.argv.slice(2)])
await database.stop()
process.exit(code)
