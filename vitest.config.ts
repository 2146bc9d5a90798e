import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    exclude: ['**/node_modules/**', '**/dist/**', 'tools/boundaries/fixtures/**'],
    include: [
      'packages/*/src/**/*.test.ts',
      'modules/*/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'bench/src/**/*.test.ts',
      'apps/web/e2e/**/*.test.ts',
      'tools/**/*.test.ts',
    ],
    // Test apps share the data directory: only the seal tests seal, into folders of their own.
    env: { RENXING_AUDIT_SEAL_SECONDS: '0' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.artifacts/vitest.json' },
  },
});
