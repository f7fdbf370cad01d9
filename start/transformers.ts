/*
|--------------------------------------------------------------------------
| Transformers: no stack captured where nothing will use it
|--------------------------------------------------------------------------
|
| `Transformer.transform()` and `.paginate()` build a RuntimeException on
| every call, capturing the caller's stack (twice), in case the value to
| transform turns out to be `undefined` when the response is serialized: the
| only use of that error. The capture cost ~50 µs of an API call's ~1.3 ms
| of CPU (4 % of `GET /api/v1/wallet/balance` in a CPU profile; ~8 µs
| even in a shallow stack). Here it is captured only when the value is
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
