import type { NamedReporterContract } from '@japa/runner/types'

/**
 * CI reads a plain "N passed, N failed" line; Japa's own summary is styled.
 * Printed on exit so it is the last line of the run.
 */
export const summaryReporter: NamedReporterContract = {
  name: 'summary',
  handler(runner, emitter) {
    emitter.on('runner:end', () => {
      const { passed, failed, skipped, todo } = runner.getSummary().aggregates
      process.once('exit', () => {
        process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped + todo} skipped\n`)
      })
    })
  },
}
