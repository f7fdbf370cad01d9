/*
|--------------------------------------------------------------------------
| Framework overrides
|--------------------------------------------------------------------------
|
| Code that replaces part of a library's internals lives in this folder, one
| file per override, and only when it fixes a defect of the library or buys
| a measured gain of 5 % or more on a benchmark. Each is written against
| the exact versions below, pinned in package.json, and has a contract test
| in tests/functional/overrides/ that fails when the library changes under
| it. What each replaces, why, and its figure: docs/architecture.md
| ("Framework overrides"); library defects are written up in
| docs/upstream.md.
*/

export type Override = {
  file: string
  /**
   * Package name → the exact version the override was written against.
   */
  targets: Record<string, string>
}

export const overrides = {
  liveStreams: {
    file: 'app/overrides/live_streams.ts',
    targets: { '@adonisjs/transmit': '3.0.2', '@boringnode/transmit': '0.4.0' },
  },
  preparedStatements: {
    file: 'app/overrides/prepared_statements.ts',
    targets: { pg: '8.23.1' },
  },
  accessTokensProvider: {
    file: 'app/overrides/access_tokens_provider.ts',
    targets: { '@adonisjs/auth': '10.1.0' },
  },
  edgeComponents: {
    file: 'app/overrides/edge_components.ts',
    targets: { 'edge.js': '6.5.1' },
  },
} satisfies Record<string, Override>
