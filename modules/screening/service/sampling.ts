/**
 * Sampling at a site: a sampler scans a person and a tube. The tube is created at its first scan
 * (its sampling time) with the size its site's zone pools at, unless the sampler says otherwise
 * (a single tube for a re-test). Each scan is one transaction with its audit row: scanning the
 * same person into the same tube again changes nothing, a full or sealed tube refuses, and a
 * member of a positive pool is refused another pooled tube.
 */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import '../errors.js';
import { countPersonSampled } from '../store/counts.js';
import { roundById, siteById } from '../store/rounds.js';
import {
  addMember,
  awaitingRetest,
  findPerson,
  lockOrCreateTube,
  otherTubesInRound,
  type PersonKey,
  positionIn,
  sealTubeRow,
  tubeByBarcode,
} from '../store/tubes.js';
import type { ScreeningActor } from './rounds.js';

export interface ScanInput {
  siteId: string;
  tube: string;
  /** The tube's size when this scan opens it (default: the site's zone's pooling). */
  k?: number;
  person: PersonKey;
}

export interface ScanResult {
  tube: { barcode: string; k: number; members: number; full: boolean; sealed: boolean; sampledAt: Date };
  person: { id: string; name: string };
  position: number;
  /** True when this person was already in this tube (nothing changed). */
  duplicate: boolean;
  /** The person's other tubes in this round: a second scan in a round is shown as such. */
  alsoInRound: { barcode: string; sampledAt: Date }[];
}

const KEY_NAMES = {
  id: { en: 'id', 'zh-CN': '编号' },
  idNumber: { en: 'ID number', 'zh-CN': '身份证号' },
  phonePseudonym: { en: 'phone', 'zh-CN': '手机号' },
} as const;

export async function registerSample(db: Db, input: ScanInput, actor: ScreeningActor): Promise<ScanResult> {
  const site = await siteById(db, input.siteId);
  const round = site && (await roundById(db, site.roundId, actor.scope));
  if (!site || !round) throw new RenxingError('RX_NOT_FOUND');
  if (actor.now < round.from || actor.now > round.to) {
    throw new RenxingError('RX_ROUND_CLOSED', { endsAt: round.to.toISOString() });
  }
  const person = await findPerson(db, input.person);
  if (!person) throw new RenxingError('RX_NO_SUCH_PERSON', { by: KEY_NAMES[input.person.by] }, 'body.person');
  const k = input.k ?? round.pooling[site.zone];
  return db.transaction(async (tx) => {
    const { tube, created } = await lockOrCreateTube(tx, {
      barcode: input.tube,
      roundId: round.id,
      siteId: site.id,
      k,
      at: actor.now,
      by: actor.userId,
    });
    if (!created && (tube.roundId !== round.id || tube.siteId !== site.id)) {
      throw new RenxingError('RX_TUBE_OTHER_ROUND', { tube: tube.barcode }, 'body.tube');
    }
    const already = created ? undefined : await positionIn(tx, tube.barcode, person.id);
    const alsoInRound = await otherTubesInRound(tx, person.id, round.id, tube.barcode);
    let position = already ?? tube.members + 1;
    if (already === undefined) {
      if (tube.sealedAt) throw new RenxingError('RX_TUBE_SEALED', { tube: tube.barcode }, 'body.tube');
      if (tube.members >= tube.k)
        throw new RenxingError('RX_TUBE_FULL', { tube: tube.barcode, k: tube.k }, 'body.tube');
      if (tube.k > 1) {
        const pool = await awaitingRetest(tx, person.id);
        if (pool) throw new RenxingError('RX_REPOOL_REFUSED', { tube: pool }, 'body.tube');
      }
      position = tube.members + 1;
      await addMember(tx, {
        barcode: tube.barcode,
        personId: person.id,
        position,
        at: actor.now,
        by: actor.userId,
        sampledAt: tube.sampledAt,
      });
      if (alsoInRound.length === 0) await countPersonSampled(tx, round.id);
      await appendAudit(tx, {
        actor: actor.userId,
        action: 'screening.sample',
        subjectType: 'person',
        subjectId: person.id,
        detail: { tube: tube.barcode, k: tube.k, position, site: site.id, round: round.id },
      });
    }
    const members = already === undefined ? tube.members + 1 : tube.members;
    return {
      tube: {
        barcode: tube.barcode,
        k: tube.k,
        members,
        full: members >= tube.k,
        sealed: tube.sealedAt !== null,
        sampledAt: tube.sampledAt,
      },
      person: { id: person.id, name: person.name },
      position,
      duplicate: already !== undefined,
      alsoInRound,
    };
  });
}

/** Seals a tube of a round the caller reaches (sealing a tube not yet full is allowed; sealing twice changes nothing). */
export async function sealTube(
  db: Db,
  barcode: string,
  actor: ScreeningActor,
): Promise<{ barcode: string; k: number; members: number; sealedAt: Date }> {
  const tube = await tubeByBarcode(db, barcode);
  if (!tube?.roundId || !(await roundById(db, tube.roundId, actor.scope)))
    throw new RenxingError('RX_NOT_FOUND');
  if (tube.sealedAt) return { barcode, k: tube.k, members: tube.members, sealedAt: tube.sealedAt };
  await db.transaction(async (tx) => {
    await sealTubeRow(tx, barcode, actor.now, actor.userId);
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'screening.tube.seal',
      subjectType: 'screening_tube',
      subjectId: barcode,
      detail: { k: tube.k, members: tube.members },
    });
  });
  return { barcode, k: tube.k, members: tube.members, sealedAt: actor.now };
}
