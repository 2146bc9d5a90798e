/** Sampling: registerSample (a person and a tube scanned), sealTube, getTube. */
import { RenxingError } from '@renxing/contracts';
import { normalisePhone, pseudonymOf } from '@renxing/db';
import { type AppContext, commonErrors, typed } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import { healthCodeContext, personOfHealthCodePid, verifyPersonToken } from '@renxing/modules/health-codes';
import type { FastifyInstance } from 'fastify';
import { registerSample, sealTube } from '../service/sampling.js';
import { roundById } from '../store/rounds.js';
import { membersOf, type PersonKey, tubeByBarcode } from '../store/tubes.js';
import { actorOf } from './rounds.js';
import { barcode, scanBody, scanSchema, tubeSchema } from './schemas.js';

const barcodeParams = {
  type: 'object',
  required: ['barcode'],
  additionalProperties: false,
  properties: { barcode },
} as const;

export default async function samplingRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  const codes = healthCodeContext(ctx);

  /** The person key a scan names: a token's person (checked by its signature), a phone's pseudonym, or as given. */
  async function personKey(p: {
    id?: string;
    idNumber?: string;
    phone?: string;
    token?: string;
  }): Promise<PersonKey> {
    if (p.id) return { by: 'id', value: p.id };
    if (p.idNumber) return { by: 'idNumber', value: p.idNumber.toUpperCase() };
    if (p.phone) {
      const phone = normalisePhone(p.phone);
      if (!phone)
        throw new RenxingError(
          'RX_NO_SUCH_PERSON',
          { by: { en: 'phone', 'zh-CN': '手机号' } },
          'body.person.phone',
        );
      return { by: 'phonePseudonym', value: pseudonymOf(ctx.citySecret(), phone) };
    }
    const check = await verifyPersonToken(db, codes.tokens(), p.token ?? '', { now: ctx.now() });
    const person = check.claims && (await personOfHealthCodePid(db, check.claims.pid));
    // A superseded token still names its person: the colour is not what sampling asks.
    if (!person || (!check.valid && check.reason !== 'superseded')) {
      throw new RenxingError(
        'RX_NO_SUCH_PERSON',
        { by: { en: 'health-code QR', 'zh-CN': '健康码' } },
        'body.person.token',
      );
    }
    return { by: 'id', value: person };
  }

  api.post(
    '/screening/samples',
    {
      schema: {
        operationId: 'registerSample',
        summary:
          'A sampler scans a person (ID, phone or their health-code QR) and a tube: one swab registered',
        description:
          'The first scan opens the tube (its sampling time). The same person into the same tube again changes nothing ' +
          '(duplicate: true). Refused: RX_TUBE_FULL, RX_TUBE_SEALED, RX_REPOOL_REFUSED (a member of a positive pool into another pooled tube).',
        tags: ['screening'],
        body: scanBody,
        response: { 200: scanSchema, ...commonErrors },
      },
    },
    async (request) => {
      const b = request.body;
      return registerSample(
        db,
        { siteId: b.siteId, tube: b.tube, k: b.k, person: await personKey(b.person) },
        actorOf(request, ctx),
      );
    },
  );

  api.post(
    '/screening/tubes/:barcode/seal',
    {
      schema: {
        operationId: 'sealTube',
        summary: 'Seal a tube (it may hold fewer swabs than its size); a sealed tube takes no more',
        tags: ['screening'],
        params: barcodeParams,
        response: {
          200: {
            type: 'object',
            required: ['barcode', 'k', 'members', 'sealedAt'],
            properties: {
              barcode: { type: 'string' },
              k: { type: 'integer' },
              members: { type: 'integer' },
              sealedAt: { type: 'string', format: 'date-time' },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => sealTube(db, request.params.barcode, actorOf(request, ctx)),
  );

  api.get(
    '/screening/tubes/:barcode',
    {
      schema: {
        operationId: 'getTube',
        summary: 'A tube, its result and its members in scan order',
        tags: ['screening'],
        params: barcodeParams,
        response: { 200: tubeSchema, ...commonErrors },
      },
    },
    async (request) => {
      const tube = await tubeByBarcode(db, request.params.barcode);
      const reach = tube?.roundId && (await roundById(db, tube.roundId, scopeOf(request).scope));
      if (!tube || !reach) throw new RenxingError('RX_NOT_FOUND');
      return { ...tube, people: await membersOf(db, tube.barcode) };
    },
  );
}
