/**
 * `renxing infra n-1`: an assets file and a links file → the communities that lose a service when
 * each asset fails alone (N-1), or when a set fails at once (`--fail`, a drill), per
 * shared/contracts/infrastructure.md ("The CLI"). The decisions are infrastructure's rules
 * (admitAssetRow, admitLinkRow, ServiceGraph, n1Rows, drillRows); this file reads the two tables
 * (CSV or XLSX, columns by name), writes `asset,kind,community,population_lost`, the rejects
 * (`file,line,reason`, assets first, each in line order) and the summary.
 */
import { csvField, type Locale, RenxingError } from '@renxing/contracts';
import {
  type Asset,
  admitAssetRow,
  admitLinkRow,
  drillRows,
  drillSet,
  type Link,
  type LossRow,
  n1Rows,
  REJECT_REASONS,
  ServiceGraph,
} from '@renxing/modules/infrastructure';
import { type Flags, requireFlag } from '../args.js';
import type { Command } from '../command.js';
import { TextFile } from '../files.js';
import { flagsOf, stringFlag } from '../flags.js';
import { printSummary, writeJson } from '../summary.js';
import { byLine, type LineReject, readColumns } from '../tables.js';

export const LOSSES_HEADER = 'asset,kind,community,population_lost\n';
export const INFRA_REJECTS_HEADER = 'file,line,reason\n';

const ASSET_COLUMNS = ['id', 'kind', 'type', 'community', 'population'] as const;
const LINK_COLUMNS = ['from', 'to', 'relation'] as const;

/** `--fail ID,ID…`: the ids, spaces trimmed, empty ones dropped; none at all is a bad flag. */
function failFlag(flags: Flags): string[] | undefined {
  const v = flags.fail;
  if (v === undefined) return undefined;
  const ids = String(v)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (ids.length === 0)
    throw new RenxingError('RX_BAD_FLAG', {
      flag: '--fail',
      detail: { en: 'expected asset ids separated by commas', 'zh-CN': '应为以逗号分隔的设施 id' },
    });
  return ids;
}

/** The `--summary` JSON. */
export interface N1Summary {
  assets: number;
  links: number;
  rows: number;
  /** Assets whose failure makes a community lose a service (N-1), or the drill's set size. */
  failed: number;
  communities: number;
  population_lost: number;
  rejects: number;
}

export const lossLine = (r: LossRow): string =>
  `${csvField(r.asset)},${csvField(r.kind)},${csvField(r.community)},${r.populationLost}\n`;

export async function infraN1Command(
  flags: Flags,
  locale: Locale,
  io: { err?: typeof process.stderr } = {},
): Promise<N1Summary & { out: string; rejectsFile: string }> {
  const assetsPath = requireFlag(flags, 'assets');
  const linksPath = requireFlag(flags, 'links');
  const outPath = requireFlag(flags, 'out');
  const rejectsPath =
    typeof flags.rejects === 'string' && flags.rejects ? flags.rejects : `${outPath}.rejects.csv`;
  const fail = failFlag(flags);

  // Both inputs are checked, and the rows computed, before anything is written.
  const assetsTable = await readColumns(assetsPath, ASSET_COLUMNS);
  const linksTable = await readColumns(linksPath, LINK_COLUMNS);

  const seen = new Set<string>();
  const assets = new Map<string, Asset>();
  const assetRejects: LineReject[] = [...assetsTable.unreadable];
  for (const { line, cell } of assetsTable.rows) {
    const a = admitAssetRow(cell, seen);
    if (a.asset) assets.set(a.asset.id, a.asset);
    else assetRejects.push({ line, reason: REJECT_REASONS[a.reason].en });
  }
  assetRejects.sort(byLine);
  const links: Link[] = [];
  const linkRejects: LineReject[] = [...linksTable.unreadable];
  for (const { line, cell } of linksTable.rows) {
    const l = admitLinkRow(cell, assets);
    if (l.link) links.push(l.link);
    else linkRejects.push({ line, reason: REJECT_REASONS[l.reason].en });
  }
  linkRejects.sort(byLine);

  const graph = ServiceGraph.build([...assets.values()], links);
  const set = fail ? drillSet(graph, fail) : undefined;
  const rows = set ? drillRows(graph, set) : n1Rows(graph);

  const out = new TextFile(outPath);
  out.write(LOSSES_HEADER);
  for (const r of rows) out.write(lossLine(r));
  out.close();

  const rejects = new TextFile(rejectsPath);
  rejects.write(INFRA_REJECTS_HEADER);
  for (const r of assetRejects) rejects.write(`assets,${r.line},${csvField(r.reason)}\n`);
  for (const r of linkRejects) rejects.write(`links,${r.line},${csvField(r.reason)}\n`);
  rejects.close();

  const summary: N1Summary = {
    assets: assets.size,
    links: links.length,
    rows: rows.length,
    failed: set ? set.length : new Set(rows.map((r) => r.asset)).size,
    communities: new Set(rows.map((r) => r.community)).size,
    population_lost: rows.reduce((sum, r) => sum + r.populationLost, 0),
    rejects: assetRejects.length + linkRejects.length,
  };
  if (typeof flags.summary === 'string' && flags.summary) writeJson(flags.summary, summary);
  printSummary(
    locale,
    {
      infra_assets: summary.assets,
      infra_links: summary.links,
      infra_loss_rows: summary.rows,
      ...(set ? { infra_drill_assets: summary.failed } : { infra_spofs: summary.failed }),
      infra_communities: summary.communities,
      infra_population_lost: summary.population_lost,
      infra_asset_rejects: assetRejects.length,
      infra_link_rejects: linkRejects.length,
      out: outPath,
      rejects_file: rejectsPath,
    },
    io.err,
  );
  return { ...summary, out: outPath, rejectsFile: rejectsPath };
}

const s = stringFlag;

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['infra', 'n-1'],
  usage: {
    en: 'renxing infra n-1 --assets A.csv --links L.csv --out O.csv [--fail ID,ID…] [--rejects J.csv] [--summary S.json]',
    'zh-CN':
      'renxing infra n-1 --assets A.csv --links L.csv --out O.csv [--fail ID,ID…] [--rejects J.csv] [--summary S.json]',
  },
  flags: {
    assets: s(
      'A.csv',
      'assets: id,kind,type,community,population (type source | node | sink; community and population for sinks) (CSV or XLSX)',
      '设施：id,kind,type,community,population（type 为 source | node | sink；community 与 population 仅末端设施填写）（CSV 或 XLSX）',
    ),
    links: s(
      'L.csv',
      'links: from,to,relation (feeds within a kind | needs: `to` needs `from`)',
      '连接：from,to,relation（feeds 同类供给 | needs：to 依赖 from）',
    ),
    fail: s(
      'ID,ID…',
      'a drill: fail these assets at once instead of each alone (N-1)',
      '演练：同时失效这些设施，而不是逐一失效（N-1）',
    ),
    ...flagsOf('out', 'rejects', 'summary'),
  },
  run: async (flags, locale) => {
    await infraN1Command(flags, locale);
    return 0;
  },
};
