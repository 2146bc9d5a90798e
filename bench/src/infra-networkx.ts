/**
 * The networkx peer of `bench:infra` (bench/src/infrastructure.ts): the contract's N-1 written as
 * a networkx user would — the least fixed point by iteration (start with nothing working; an asset
 * is a candidate when not failed and everything it needs works; what works is what candidates can
 * reach from candidate sources along `feeds` edges: `nx.bfs_layers` on the candidates' subgraph;
 * repeat until nothing changes), recomputed for each failure. Reads the CLI's `A.csv` / `L.csv`,
 * writes `asset,kind,community,population_lost` rows sorted like the contract's, and prints a
 * JSON summary (seconds per phase) on stdout. Runs `python3` with the script below.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SCRIPT = String.raw`
import csv, json, sys, time
import networkx as nx

assets_path, links_path, out_path, fail_path = sys.argv[1:5]
t0 = time.perf_counter()
ids, kind, typ, community, population = [], {}, {}, {}, {}
with open(assets_path, newline='') as f:
    for r in csv.DictReader(f):
        a = r['id']
        ids.append(a)
        kind[a], typ[a] = r['kind'], r['type']
        if r['type'] == 'sink':
            community[a], population[a] = r['community'], int(r['population'])
ids.sort()
G = nx.DiGraph()
G.add_nodes_from(ids)
needs = {a: [] for a in ids}
with open(links_path, newline='') as f:
    for r in csv.DictReader(f):
        if r['relation'] == 'needs':
            needs[r['to']].append(r['from'])
        elif kind[r['from']] == kind[r['to']]:
            G.add_edge(r['from'], r['to'])
sources = [a for a in ids if typ[a] == 'source']
groups = {}
for a in ids:
    if typ[a] == 'sink':
        groups.setdefault((kind[a], community[a]), []).append(a)
load_s = time.perf_counter() - t0

def working(failed):
    works = set()
    while True:
        cand = [a for a in ids if a not in failed and all(p in works for p in needs[a])]
        sub = G.subgraph(cand)
        reach = set()
        starts = [s for s in sources if s in sub]
        if starts:
            for layer in nx.bfs_layers(sub, starts):
                reach.update(layer)
        if reach == works:
            return works
        works = reach

t1 = time.perf_counter()
base = working(set())
base_s = time.perf_counter() - t1
rows = []
with open(fail_path) as f:
    chosen = set(line.strip() for line in f if line.strip())
picked = [a for a in ids if a in chosen]
t2 = time.perf_counter()
for a in picked:
    after = working({a})
    mine = []
    for (k, c), sinks in groups.items():
        had = [s for s in sinks if s in base]
        if had and all(s not in after for s in had):
            mine.append((a, k, c, sum(population[s] for s in had)))
    mine.sort(key=lambda r: (r[1].encode(), r[2].encode()))
    rows.extend(mine)
fail_s = time.perf_counter() - t2
with open(out_path, 'w', newline='') as f:
    f.write('asset,kind,community,population_lost\n')
    for r in rows:
        f.write('%s,%s,%s,%d\n' % r)
print(json.dumps({'assets': len(ids), 'failures': len(picked), 'working': len(base),
                  'load_s': load_s, 'baseline_s': base_s, 'failures_s': fail_s, 'rows': len(rows),
                  'networkx': nx.__version__}))
`;

export interface NetworkxRun {
  assets: number;
  /** Failures computed. */
  failures: number;
  working: number;
  load_s: number;
  baseline_s: number;
  failures_s: number;
  rows: number;
  networkx: string;
  /** Wall time of the whole python3 process (seconds). */
  wall_s: number;
}

/** Runs the peer on `dir/{assets,links}.csv`, failing each of `failures` alone (in id order); rows to `out`. */
export async function runNetworkx(
  dir: string,
  out: string,
  failures: readonly string[],
): Promise<NetworkxRun> {
  const script = join(dir, 'n1_networkx.py');
  writeFileSync(script, SCRIPT);
  const failPath = join(dir, 'n1_networkx_failures.txt');
  writeFileSync(failPath, `${failures.join('\n')}\n`);
  const t0 = performance.now();
  const child = spawn('python3', [script, join(dir, 'assets.csv'), join(dir, 'links.csv'), out, failPath], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) throw new Error(`python3 (networkx) exited with ${code}`);
  return { ...(JSON.parse(stdout) as Omit<NetworkxRun, 'wall_s'>), wall_s: (performance.now() - t0) / 1000 };
}
