/*
|--------------------------------------------------------------------------
| JavaScript entrypoint for running ace commands
|--------------------------------------------------------------------------
|
| ace.js registers the TypeScript JIT loader (@poppinss/ts-exec) and then
| hands over to bin/console.ts.
*/
import '@poppinss/ts-exec'

await import('./bin/console.js')
