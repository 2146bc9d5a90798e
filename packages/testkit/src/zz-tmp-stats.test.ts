import fc from 'fast-check';
import { it } from 'vitest';
import { cityArb } from './random-city.js';
import { oracleCompanions, dropDuplicates, buildStays, cellOf } from './oracle.js';
it('stats', () => {
  for (const opts of [{mode:'contiguous',dwell:false},{mode:'cumulative',dwell:false},{mode:'contiguous',dwell:true},{mode:'cumulative',dwell:true}] as const) {
    const cities = fc.sample(cityArb(opts), { numRuns: 1000, seed: 1 });
    let withRows = 0, rows = 0, dups = 0, neg = 0, exactGap = 0, exactOv = 0, pings=0, cells = new Set<string>();
    for (const c of cities) {
      const r = oracleCompanions(c.pings, c.cases, c.params);
      if (r.length) withRows++; rows += r.length;
      if (dropDuplicates(c.pings).duplicates) dups++;
      pings += c.pings.length;
      if (c.pings.some(p => cellOf(p.lon,p.lat,c.params).includes('-'))) neg++;
      if (r.some(x => x.overlap_s === c.params.minOverlap)) exactOv++;
      const by = new Map<string, number[]>();
      for (const p of dropDuplicates(c.pings).kept) { by.set(p.subject, [...(by.get(p.subject) ?? []), p.t]); }
      let g = false; for (const ts of by.values()) { ts.sort((a,b)=>a-b); for (let i=1;i<ts.length;i++) if (ts[i]-ts[i-1]===c.params.maxGap || ts[i]-ts[i-1]===c.params.maxGap+1) g = true; }
      if (g) exactGap++;
    }
    console.log(JSON.stringify(opts) + JSON.stringify({ withRows, rows, dups, neg, exactGap, exactOv, avgPings: pings/1000 }));
  }
});
