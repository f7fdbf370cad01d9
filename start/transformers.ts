/*
|--------------------------------------------------------------------------
| Transformers: no stack captured where nothing will use it
|--------------------------------------------------------------------------
|
| `Transformer.transform()` and `.paginate()` build a RuntimeException on
| every call, capturing the caller's stack (twice), in case the value to
| transform turns out to be `undefined` when the response is serialized: the
| only use of that error, and a visible share of a small API call's CPU.
| Here it is captured only when the value is
| `undefined`, so that error keeps its stack exactly as before, and skipped
| otherwise (collections never use it).
*/
import { BaseTransformer } from '@adonisjs/core/transformers'

for (const method of ['transform', 'paginate'] as const) {
  const original = BaseTransformer[method] as (...args: unknown[]) => unknown
  Object.defineProperty(BaseTransformer, method, {
    configurable: true,
    writable: true,
    value: function (this: unknown, ...args: unknown[]) {
      if (args[0] === undefined) return original.apply(this, args)
      const limit = Error.stackTraceLimit
      Error.stackTraceLimit = 0
      try {
        return original.apply(this, args)
      } finally {
        Error.stackTraceLimit = limit
      }
    },
  })
}
