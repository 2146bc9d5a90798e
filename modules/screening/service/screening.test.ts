import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { healthCodeOf } from '@renxing/modules/health-codes';
import { listItems } from '@renxing/modules/inbox';
import { expect, it } from 'vitest';
import { recountRound } from '../store/counts.js';
import { communityCoverage, roundCounts, untestedPeople } from '../store/coverage.js';
import { importTubeResults } from './results.js';
import { createScreeningRound, type ScreeningActor, setScreeningExemption } from './rounds.js';
import { registerSample, sealTube } from './sampling.js';
import { SQ1, SQ2, testCity } from './test-support.js';

const NOW = new Date('2026-12-06T01:00:00Z'); // 09:00 in the city
const LATER = new Date('2026-12-06T09:00:00Z');

async function setup(db: Db, perCommunity: number) {
  const { people, userId } = await testCity(db, perCommunity);
  const actor: ScreeningActor = { userId, scope: 'cq', now: NOW };
  const { round, sites, expected } = await createScreeningRound(
    db,
    {
      name: '第一轮',
      from: new Date('2026-12-06T00:00:00Z'),
      to: new Date('2026-12-07T00:00:00Z'),
      places: [{ path: 'cq.yz.jd01', zone: 'controlled' }],
      sites: [{ name: '广场', place: SQ1, opens: '08:00', closes: '20:00', capacityPerHour: 300 }],
    },
    actor,
  );
  return { people, actor, round, site: sites[0], expected };
}

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);
const id = (value: string) => ({ by: 'id' as const, value });

forEachDatabase(
  'screening',
  (t) => {
    it('a round expects the residents under its places; samples fill tubes of the zone’s size and coverage counts them', async () => {
      const { people, actor, round, site, expected } = await setup(t.db, 12);
      expect(expected).toBe(24);
      expect(site.zone).toBe('controlled');
      // 24 people into tubes of 10: T1 (10), T2 (10), T3 (4).
      for (const [i, p] of people.entries()) {
        const r = await registerSample(
          t.db,
          { siteId: site.id, tube: `T${Math.floor(i / 10) + 1}`, person: id(p) },
          actor,
        );
        expect(r.tube.k).toBe(10);
        expect(r.position).toBe((i % 10) + 1);
      }
      // The same person into the same tube again: nothing changes.
      const again = await registerSample(t.db, { siteId: site.id, tube: 'T1', person: id(people[0]) }, actor);
      expect(again).toMatchObject({ duplicate: true, position: 1, tube: { members: 10, full: true } });
      // A full tube refuses; a sealed tube refuses.
      await expect(
        registerSample(t.db, { siteId: site.id, tube: 'T1', person: id(people[20]) }, actor),
      ).rejects.toMatchObject({
        code: 'RX_TUBE_FULL',
      });
      await sealTube(t.db, 'T3', actor);
      await expect(
        registerSample(t.db, { siteId: site.id, tube: 'T3', person: id(people[0]) }, actor),
      ).rejects.toMatchObject({
        code: 'RX_TUBE_SEALED',
      });
      // A second tube of the same person in the round is shown as such.
      const second = await registerSample(
        t.db,
        { siteId: site.id, tube: 'S1', k: 1, person: id(people[0]) },
        actor,
      );
      expect(second.alsoInRound.map((x) => x.barcode)).toEqual(['T1']);

      const coverage = await communityCoverage(t.db, round.id, 'cq');
      expect(coverage.map((c) => [c.path, c.expected, c.tested])).toEqual([
        [SQ1, 12, 12],
        [SQ2, 12, 12],
      ]);
      const counts = await roundCounts(t.db, round.id, 'cq');
      expect(counts).toMatchObject({ peopleSampled: 24, tubes: 4, sealedTubes: 1, labTests: 0, pending: 4 });
    });

    it('one result file resolves its tubes: negatives for every member, a positive pool turns its members yellow with re-test items in their communities', async () => {
      const { people, actor, round, site } = await setup(t.db, 10);
      for (const [i, p] of people.entries()) {
        // Tube P1: five of each community; tube N1: the other ten.
        const tube = i % 10 < 5 ? 'P1' : 'N1';
        await registerSample(t.db, { siteId: site.id, tube, person: id(p) }, actor);
      }
      const file = csv([
        'tube,result,reported_at,lab,ct',
        'N1,negative,2026-12-06 15:00:00,金域,',
        'P1, Positive ,2026-12-06 15:00:00,金域,31.2',
        'NOPE,negative,2026-12-06 15:00:00,金域,',
        'N1,positive,2026-12-06 15:00:00,金域,',
        'N1,bogus,2026-12-06 15:00:00,金域,',
        'N1,negative,yesterday,金域,',
        'N1,negative,2026-12-05 08:00:00,金域,',
        'N1,NEGATIVE,2026-12-06 16:00:00,金域,',
      ]);
      const summary = await importTubeResults(t.db, file, {
        actor: actor.userId,
        now: LATER,
        preset: 'default',
      });
      expect(summary).toMatchObject({
        rows: 8,
        accepted: 2,
        unchanged: 1,
        tubes: { negative: 1, positive: 1, invalid: 0 },
        members: { negative: 10, positive: 0, awaitingRetest: 10, resample: 0 },
        itemsRaised: 10,
      });
      expect(summary.rejects.map((r) => [r.line, r.reason])).toEqual([
        [4, 'unknown_tube'],
        [5, 'result_conflict'],
        [6, 'bad_result'],
        [7, 'bad_reported_at'],
        [8, 'reported_before_sampling'],
      ]);
      // The ten of the positive pool are yellow; the ten of the negative tube stay green without a stored code.
      const pooled = people.filter((_, i) => i % 10 < 5);
      for (const p of pooled) expect((await healthCodeOf(t.db, p))?.colour).toBe('yellow');
      for (const p of people.filter((_, i) => i % 10 >= 5))
        expect((await healthCodeOf(t.db, p))?.colour ?? 'green').toBe('green');
      // Each re-test item is in the member's own community.
      for (const community of [SQ1, SQ2]) {
        const { items } = await listItems(t.db, { scope: community, now: LATER, origin: 'screening.retest' });
        expect(items.map((i) => i.subject?.id).sort()).toEqual(
          pooled.filter((_, i) => (community === SQ1 ? i < 5 : i >= 5)).sort(),
        );
      }
      // Re-sending the file changes nothing.
      const again = await importTubeResults(t.db, file, {
        actor: actor.userId,
        now: LATER,
        preset: 'default',
      });
      expect(again).toMatchObject({ accepted: 0, unchanged: 3, healthCodeChanges: 0, itemsRaised: 0 });

      // Members of the positive pool are refused another pooled tube; a single tube re-test clears them.
      await expect(
        registerSample(
          t.db,
          { siteId: site.id, tube: 'P2', person: id(pooled[0]) },
          { ...actor, now: LATER },
        ),
      ).rejects.toMatchObject({ code: 'RX_REPOOL_REFUSED' });
      await registerSample(
        t.db,
        { siteId: site.id, tube: 'R1', k: 1, person: id(pooled[0]) },
        { ...actor, now: LATER },
      );
      const retest = await importTubeResults(
        t.db,
        csv(['tube,result,reported_at', 'R1,negative,2026-12-06 20:00:00']),
        {
          actor: actor.userId,
          now: new Date('2026-12-06T12:00:00Z'),
          preset: 'default',
        },
      );
      expect(retest).toMatchObject({ accepted: 1, itemsClosed: 1, healthCodeChanges: 1 });
      expect((await healthCodeOf(t.db, pooled[0]))?.colour).toBe('green');
      const counts = await roundCounts(t.db, round.id, 'cq');
      expect(counts).toMatchObject({
        tubes: 3,
        labTests: 3,
        resolved: 11,
        awaitingRetest: 9,
        positives: 0,
        positivePools: 1,
      });
    });

    it('untested people are listed by community and household; exemptions leave the expected count', async () => {
      const { people, actor, round, site } = await setup(t.db, 6);
      // Households of three: sample the first person of each household in community one only.
      for (const i of [0, 3])
        await registerSample(t.db, { siteId: site.id, tube: `X${i}`, person: id(people[i]) }, actor);
      await setScreeningExemption(
        t.db,
        { roundId: round.id, personId: people[6], reason: 'bedridden', note: null },
        actor,
      );
      const coverage = await communityCoverage(t.db, round.id, 'cq');
      expect(
        coverage.map((c) => [c.path, c.expected, c.exempt, c.tested, c.untested, c.untestedHouseholds]),
      ).toEqual([
        [SQ1, 6, 0, 2, 4, 0],
        [SQ2, 5, 1, 0, 5, 2],
      ]);
      // The counters kept with each sample and exemption are what a recount from the rows gives.
      await setScreeningExemption(
        t.db,
        { roundId: round.id, personId: people[1], reason: 'infant', note: null },
        actor,
      );
      await setScreeningExemption(
        t.db,
        { roundId: round.id, personId: people[1], reason: null, note: null },
        actor,
      );
      await registerSample(t.db, { siteId: site.id, tube: 'X9', person: id(people[9]) }, actor);
      const kept = await communityCoverage(t.db, round.id, 'cq');
      await recountRound(t.db, round.id);
      expect(await communityCoverage(t.db, round.id, 'cq')).toEqual(kept);
      expect(kept.map((c) => [c.path, c.tested, c.untestedHouseholds])).toEqual([
        [SQ1, 2, 0],
        [SQ2, 1, 1],
      ]);
      const untested = await untestedPeople(t.db, round.id, SQ2, { limit: 100, offset: 0 });
      expect(untested.total).toBe(4);
      expect(untested.people.every((p) => p.community === SQ2)).toBe(true);
      expect(untested.people[0].phoneMasked).toMatch(/\*/);
      await expect(
        setScreeningExemption(
          t.db,
          { roundId: round.id, personId: people[7], reason: 'other', note: ' ' },
          actor,
        ),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION' });
    });
  },
  { migrate: true },
);
