#!/usr/bin/env node
/**
 * `npm run new-module -- <name>`: the skeleton of a mission area under modules/<name>/, laid out
 * like every other (docs/architecture.md): rules, store with its first migration, service (the
 * transaction and its audit row), http plugin, web entry, access table, error codes, index.ts,
 * and tests that run in `npm test` on both databases. It writes new files only; it prints the two
 * lines that make the API serve it (apps/api/src/modules.ts and the access matrix's table).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
  console.error('usage: npm run new-module -- <name>   (lower case, words joined by -, e.g. supplies)');
  process.exit(2);
}
const dir = join(root, 'modules', name);
if (existsSync(dir)) {
  console.error(`modules/${name} exists already`);
  process.exit(1);
}

const camel = name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const Pascal = camel[0].toUpperCase() + camel.slice(1);
const snake = name.replaceAll('-', '_');
const upper = snake.toUpperCase();
const table = `${snake}_items`;
const op = (verb) => `${verb}${Pascal}Items`;

// The next migration number after every module's.
let last = 0;
for (const area of readdirSync(join(root, 'modules'))) {
  const m = join(root, 'modules', area, 'store', 'migrations');
  if (!existsSync(m)) continue;
  for (const f of readdirSync(m)) last = Math.max(last, Number(f.slice(0, 4)) || 0);
}
const migration = `${String(last + 1).padStart(4, '0')}_${snake}.sql`;

const files = {
  'index.ts': `export { ACCESS } from './access.js';
export { ${upper}_ERRORS } from './errors.js';
export { ${camel}Module } from './module.js';
export { checkTitle } from './rules/items.js';
export { add${Pascal}Item } from './service/items.js';
export { list${Pascal}Items, type ${Pascal}Item } from './store/items.js';
`,
  'access.ts': `/** Who may call each ${name} operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, PLACE_STAFF } from '@renxing/contracts';

export const ACCESS = {
  ${op('list')}: PLACE_STAFF,
  ${op('add')}: PLACE_STAFF,
} as const satisfies AccessTable;
`,
  'errors.ts': `/** The ${name} error codes (merged into the one catalogue of @renxing/contracts). */
import { type Catalogued, defineErrors } from '@renxing/contracts';

export const ${upper}_ERRORS = defineErrors('${name}', {
  RX_${upper}_TITLE: {
    status: 400,
    en: 'a title needs 1 to 200 characters',
    'zh-CN': '标题须为 1 至 200 个字符',
  },
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof ${upper}_ERRORS> {}
}
`,
  'module.ts': `/** The ${name} module as the API registers it (apps/api/src/modules.ts). */
import type { RenxingModule } from '@renxing/http';
import { ACCESS } from './access.js';
import routes from './http/routes.js';

export const ${camel}Module: RenxingModule = { name: '${name}', access: ACCESS, routes };
`,
  'rules/items.ts': `/** ${Pascal}'s rules. Pure: no I/O, no clock (time is passed in). */
import { FieldError } from '@renxing/contracts';
import '../errors.js';

/** The title as stored (trimmed); RX_${upper}_TITLE naming body.title otherwise. */
export function checkTitle(title: string): string {
  const t = title.trim();
  if (t.length < 1 || t.length > 200) throw new FieldError('RX_${upper}_TITLE', 'body.title');
  return t;
}
`,
  'rules/items.test.ts': `import { describe, expect, it } from 'vitest';
import { checkTitle } from './items.js';

describe('${name} rules', () => {
  it('trims a title and refuses an empty or overlong one, naming the field', () => {
    expect(checkTitle('  water  ')).toBe('water');
    expect(() => checkTitle('  ')).toThrow(expect.objectContaining({ code: 'RX_${upper}_TITLE', field: 'body.title' }));
    expect(() => checkTitle('x'.repeat(201))).toThrow(expect.objectContaining({ code: 'RX_${upper}_TITLE' }));
  });
});
`,
  [`store/migrations/${migration}`]: `-- ${Pascal}: its first table. Migrations run in order on PGlite and PostgreSQL alike.
CREATE TABLE ${table} (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  place_id uuid NOT NULL REFERENCES places (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX ${table}_place ON ${table} (place_id);
`,
  'store/items.ts': `/** ${Pascal}'s SQL: the only file that knows its tables. */
import { type Db, subtree } from '@renxing/db';

export interface ${Pascal}Item {
  id: string;
  placePath: string;
  title: string;
  createdBy: string;
  createdAt: Date;
}

interface Row {
  id: string;
  place_path: string;
  title: string;
  created_by: string;
  created_at: Date;
}

const toItem = (r: Row): ${Pascal}Item => ({
  id: r.id,
  placePath: r.place_path,
  title: r.title,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
});

/** Inserts one item at the place \`placePath\`; undefined when there is no such place. */
export async function insert${Pascal}Item(
  db: Db,
  item: { placePath: string; title: string; createdBy: string; createdAt: Date },
): Promise<${Pascal}Item | undefined> {
  const { rows } = await db.query<Row>(
    \`INSERT INTO ${table} (place_id, title, created_by, created_at)
     SELECT p.id, $2, $3, $4 FROM places p WHERE p.path = $1
     RETURNING id, $1::text AS place_path, title, created_by, created_at\`,
    [item.placePath, item.title, item.createdBy, item.createdAt],
  );
  return rows[0] && toItem(rows[0]);
}

/** The items under \`scope\` (a place path), newest first. */
export async function list${Pascal}Items(db: Db, scope: string, limit = 100): Promise<${Pascal}Item[]> {
  const { rows } = await db.query<Row>(
    \`SELECT i.id, p.path AS place_path, i.title, i.created_by, i.created_at
       FROM ${table} i JOIN places p ON p.id = i.place_id
      WHERE \${subtree('p.path', '$1')}
      ORDER BY i.created_at DESC, i.id LIMIT $2\`,
    [scope, limit],
  );
  return rows.map(toItem);
}
`,
  'service/items.ts': `/** ${Pascal}'s changes: each in one transaction with its audit row. */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { checkTitle } from '../rules/items.js';
import { insert${Pascal}Item, type ${Pascal}Item } from '../store/items.js';

/** Adds an item at \`placePath\` (RX_UNKNOWN_PLACE when there is none), audited as \`${snake}.add\`. */
export async function add${Pascal}Item(
  db: Db,
  input: { placePath: string; title: string; actor: string; now: Date },
): Promise<${Pascal}Item> {
  const title = checkTitle(input.title);
  return db.transaction(async (tx) => {
    const item = await insert${Pascal}Item(tx, {
      placePath: input.placePath,
      title,
      createdBy: input.actor,
      createdAt: input.now,
    });
    if (!item) throw new RenxingError('RX_UNKNOWN_PLACE', { place: input.placePath });
    await appendAudit(tx, {
      actor: input.actor,
      action: '${snake}.add',
      subjectType: '${snake}_item',
      subjectId: item.id,
      detail: { title, place: input.placePath },
    });
    return item;
  });
}
`,
  'service/items.test.ts': `import { forEachDatabase } from '@renxing/db/testing';
import { insertPlaces } from '@renxing/modules/places';
import { expect, it } from 'vitest';
import { list${Pascal}Items } from '../store/items.js';
import { add${Pascal}Item } from './items.js';

const NOW = new Date('2026-12-05T08:00:00Z');

forEachDatabase(
  '${name}',
  (t) => {
    it('adds an item with its audit row and lists it within its place only', async () => {
      await insertPlaces(t.db, [
        { level: 'city', code: 'cq', name: '重庆' },
        { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
        { parentPath: 'cq', level: 'district', code: 'jb', name: '江北区' },
      ]);
      const item = await add${Pascal}Item(t.db, { placePath: 'cq.yz', title: ' first ', actor: 'u1', now: NOW });
      expect(item).toMatchObject({ placePath: 'cq.yz', title: 'first', createdBy: 'u1' });
      expect((await list${Pascal}Items(t.db, 'cq')).map((i) => i.id)).toEqual([item.id]);
      expect(await list${Pascal}Items(t.db, 'cq.jb')).toEqual([]);
      const { rows } = await t.db.query<{ n: number }>(
        \`SELECT count(*)::int AS n FROM audit_log WHERE action = '${snake}.add' AND subject_id = $1\`,
        [item.id],
      );
      expect(rows[0].n).toBe(1);
      await expect(add${Pascal}Item(t.db, { placePath: 'cq.nowhere', title: 'x', actor: 'u1', now: NOW })).rejects.toMatchObject({
        code: 'RX_UNKNOWN_PLACE',
      });
    });
  },
  { migrate: true },
);
`,
  'http/routes.ts': `/** ${op('list')} and ${op('add')}: the items under the caller's place. */
import { type AppContext, commonErrors, placePath, typed } from '@renxing/http';
import { requireInScope, scopeOf } from '@renxing/modules/access';
import type { FastifyInstance } from 'fastify';
import { add${Pascal}Item } from '../service/items.js';
import { list${Pascal}Items } from '../store/items.js';

const item = {
  type: 'object',
  required: ['id', 'placePath', 'title', 'createdBy', 'createdAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    placePath: { type: 'string' },
    title: { type: 'string' },
    createdBy: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

export default async function ${camel}Routes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  api.get(
    '/${name}',
    {
      schema: {
        operationId: '${op('list')}',
        summary: 'The ${name} items under your place, newest first',
        tags: ['${name}'],
        response: { 200: { type: 'array', items: item }, ...commonErrors },
      },
    },
    async (request) => list${Pascal}Items(ctx.db, scopeOf(request).scope),
  );
  api.post(
    '/${name}',
    {
      schema: {
        operationId: '${op('add')}',
        summary: 'Add an item at a place within yours (audited)',
        tags: ['${name}'],
        body: {
          type: 'object',
          required: ['place', 'title'],
          additionalProperties: false,
          properties: { place: placePath, title: { type: 'string', maxLength: 1000 } },
        } as const,
        response: { 201: item, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { user, scope } = scopeOf(request);
      requireInScope(request.body.place, scope);
      const created = await add${Pascal}Item(ctx.db, {
        placePath: request.body.place,
        title: request.body.title,
        actor: user.id,
        now: new Date(ctx.now() * 1000),
      });
      return reply.code(201).send(created);
    },
  );
}
`,
  'web/index.ts': `/** ${Pascal}'s console entry: its screens, gathered by apps/web (see docs/architecture.md). */
export const ${camel}Web = { name: '${name}' } as const;
`,
};

for (const [file, text] of Object.entries(files)) {
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`  created modules/${name}/${file}`);
}
// In the house style (the templates above are close; the formatter settles line lengths).
execFileSync(join(root, 'node_modules', '.bin', 'biome'), ['check', '--write', join('modules', name)], {
  cwd: root,
  stdio: 'ignore',
});
console.log(`
modules/${name} is ready; its tests run in npm test on both databases. To serve it:
  1. apps/api/src/modules.ts: import { ${camel}Module } from '@renxing/modules/${name}'; add it to MODULES
  2. apps/api/src/access-matrix.test.ts: add ${op('list')} and ${op('add')} to the ACCESS table
Then \`npm run api-types -w @renxing/api\` for the console's types, and build its screens in web/.`);
