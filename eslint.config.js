import { configApp } from '@adonisjs/eslint-config'

export default configApp({
  ignores: ['build/**', 'tmp/**', 'storage/**', 'database/schema.ts', '.adonisjs/**'],
})
