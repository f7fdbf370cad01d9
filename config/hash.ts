import app from '@adonisjs/core/services/app'
import { defineConfig, drivers } from '@adonisjs/core/hash'

/**
 * argon2id with OWASP's recommended parameters (19 MiB, 2 iterations).
 * The test suite hashes hundreds of factory passwords, so it uses the
 * smallest cost; the algorithm and code path stay the same.
 */
const hashConfig = defineConfig({
  default: 'argon',
  list: {
    argon: drivers.argon2(
      app.inTest
        ? { variant: 'id', iterations: 2, memory: 1024, parallelism: 1, saltSize: 16 }
        : { variant: 'id', iterations: 2, memory: 19456, parallelism: 1, saltSize: 16 }
    ),
  },
})

export default hashConfig

declare module '@adonisjs/core/types' {
  export interface HashersList extends InferHashers<typeof hashConfig> {}
}
