/**
 * The boundary rules refuse what they say they refuse: the fixture tree breaks each rule once
 * (and keeps one allowed import), and the real tree must pass them all.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;

async function violations(baseDir: string, paths: string[]) {
  const { output } = await cruise(paths, {
    baseDir,
    ruleSet: { forbidden: config.forbidden },
    validate: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist(-types)?/', '(^|/)node_modules/'] },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: config.options?.enhancedResolveOptions,
  });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('the boundary lint', () => {
  it('refuses a module reaching past another’s index, I/O in rules/, and a screen reaching the store', async () => {
    const found = await violations(fileURLToPath(new URL('fixtures/', import.meta.url)), ['modules']);
    expect(found).toEqual([
      'module-insides: modules/alpha/service/use.ts → modules/beta/store/rows.ts',
      'rules-no-node-builtins: modules/alpha/rules/decide.ts → fs',
      'screens-stay-in-the-browser: modules/beta/web/Screen.ts → modules/beta/store/rows.ts',
    ]);
  });

  it('finds nothing to refuse in the platform itself', async () => {
    expect(await violations(root, ['modules', 'packages', 'apps'])).toEqual([]);
  }, 60_000);
});
