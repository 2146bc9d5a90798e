/**
 * The boundaries of docs/architecture.md, checked on every `npm test` (`npm run lint:boundaries`):
 * a module reaches another only through its index.ts (web: web/index.ts, web/module.ts); rules/
 * and the engine do no I/O; console screens stay out of the server's insides; production code
 * never leans on the test kit. tools/boundaries/boundaries.test.ts proves each rule refuses.
 */
const TESTS = '(\\.test\\.ts$|/test-support\\.ts$|/testing/|^packages/testkit/|^apps/web/e2e/|^tools/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-insides',
      comment:
        'A module imports another module only through its index.ts (screens: web/index.ts or web/module.ts).',
      severity: 'error',
      from: { path: '^modules/([^/]+)/' },
      to: {
        path: '^modules/([^/]+)/',
        pathNot: ['^modules/$1/', '^modules/[^/]+/index\\.ts$', '^modules/[^/]+/web/(index|module)\\.ts$'],
      },
    },
    {
      name: 'rules-are-pure',
      comment:
        'rules/ and the engine decide; they do no I/O (no Node built-ins, database, HTTP, store or service).',
      severity: 'error',
      from: {
        path: ['^modules/[^/]+/rules/', '^packages/engine/src/', '^packages/stream/src/core/'],
        pathNot: TESTS,
      },
      to: {
        dependencyTypesNot: ['type-only'],
        path: [
          '^modules/[^/]+/(store|service|http)/',
          '^packages/(db|http)/',
          '(^|/)node_modules/(fastify|pg|@electric-sql/pglite|exceljs|qrcode)/',
        ],
      },
    },
    {
      name: 'rules-no-node-builtins',
      comment: 'rules/ and the engine use no Node built-ins (fs, net, crypto …).',
      severity: 'error',
      from: {
        path: ['^modules/[^/]+/rules/', '^packages/engine/src/', '^packages/stream/src/core/'],
        pathNot: TESTS,
      },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'screens-stay-in-the-browser',
      comment:
        "A console screen uses the UI kit and its module's pure parts, never the server's store, service or http.",
      severity: 'error',
      from: { path: '^(modules/[^/]+/web/|packages/ui/src/|apps/web/src/)' },
      to: { path: ['^modules/[^/]+/(store|service|http)/', '^packages/(db|http)/', '^apps/api/'] },
    },
    {
      name: 'no-test-kit-in-production',
      comment:
        'Production code never depends on the test kit, a package’s testing entry (@renxing/db/testing, @renxing/http/testing), test support or fast-check.',
      severity: 'error',
      from: { path: '^(apps|modules|packages)/', pathNot: TESTS },
      to: {
        path: [
          '^packages/testkit/',
          '^packages/[^/]+/src/testing/',
          '/test-support\\.ts$',
          '(^|/)node_modules/fast-check/',
        ],
      },
    },
    {
      name: 'resolvable',
      comment: 'Every import resolves (a deep import past a package’s exports does not).',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist(-types)?/', '(^|/)node_modules/', '^tools/boundaries/fixtures/'] },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
