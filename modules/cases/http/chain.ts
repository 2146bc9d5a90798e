/**
 * getTransmissionChain: GET /cases/:id/chain — the case's transmission chain (传播链) to a depth of
 * 1–3 generations, as a graph of nodes (the case, companions generation by generation; a future
 * `handoff` to another city) and evidence edges (cell, overlap, seconds), filtered by a time range of
 * exposure and a place, capped (`truncated`); names only of people living under the reader's
 * place. Every read is audited (`chain.read`). Same readers as getCase; a case or place outside
 * the reader's place is 404.
 */
import { type AppContext, commonErrors, placePath, typed, uuidParams } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import type { FastifyInstance } from 'fastify';
import { CHAIN_MAX_EDGES, CHAIN_MAX_NODES } from '../rules/chain.js';
import { CHAIN_MAX_DEPTH, caseChain } from '../service/chain.js';

const instant = { type: 'string', format: 'date-time' } as const;

const nodeSchema = {
  type: 'object',
  required: ['id', 'generation', 'kind', 'label', 'exposure'],
  properties: {
    id: { type: 'string', description: 'opaque within one answer (n1, n2 …)' },
    generation: { type: 'integer', description: '0: the case; g: reached in the g-th generation' },
    kind: {
      type: 'string',
      enum: ['case', 'companion', 'handoff'],
      description: 'handoff: a companion handed to another city (see city)',
    },
    label: { type: 'string', description: "the case's label, the person's name, or #n when anonymous" },
    personId: { type: 'string', description: 'only for people living under your place' },
    name: { type: 'string' },
    homePlace: { type: 'string', description: 'home place path' },
    homePlaceName: { type: 'string' },
    city: { type: 'string', description: 'the city a handoff went to' },
    state: { type: 'string', description: "a handoff's state: queued, sent, accepted, rejected, refused" },
    exposure: {
      type: ['string', 'null'],
      format: 'date-time',
      description:
        "from when it could have been exposed: the case's window start, a companion's earliest overlap",
    },
  },
} as const;

const edgeSchema = {
  type: 'object',
  required: ['from', 'to', 'cell', 'overlapStart', 'overlapEnd', 'seconds'],
  properties: {
    from: { type: 'string', description: 'the source node (generation g − 1)' },
    to: { type: 'string', description: 'the node it reached (generation g)' },
    cell: { type: 'string', description: 'the grid cell they shared, i:j' },
    overlapStart: instant,
    overlapEnd: instant,
    seconds: { type: 'integer', description: 'seconds together in the cell' },
  },
} as const;

const iso = (s: number) => new Date(s * 1000).toISOString();
const secondsOf = (s: string | undefined) => (s === undefined ? null : Math.floor(Date.parse(s) / 1000));

export async function chainRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  api.get(
    '/cases/:id/chain',
    {
      schema: {
        operationId: 'getTransmissionChain',
        summary:
          "The case's transmission chain: companions of companions, generation by generation, with their evidence (audited)",
        description: `At most ${CHAIN_MAX_NODES} nodes and ${CHAIN_MAX_EDGES} edges, whole generations first (truncated: more were found).`,
        tags: ['cases'],
        params: uuidParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            depth: { type: 'integer', minimum: 1, maximum: CHAIN_MAX_DEPTH, default: 2 },
            from: {
              ...instant,
              description: 'only people exposed at or after this instant (and the paths to them)',
            },
            to: { ...instant, description: 'only people exposed at or before this instant' },
            place: { ...placePath, description: 'only people living under this place (within yours)' },
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['depth', 'nodes', 'edges', 'truncated', 'total', 'limits'],
            properties: {
              depth: { type: 'integer' },
              nodes: { type: 'array', items: nodeSchema },
              edges: { type: 'array', items: edgeSchema },
              truncated: { type: 'boolean', description: 'the cap left nodes or edges out' },
              total: {
                type: 'object',
                required: ['nodes', 'edges'],
                description: 'what the filters kept, before the cap',
                properties: { nodes: { type: 'integer' }, edges: { type: 'integer' } },
              },
              limits: {
                type: 'object',
                required: ['nodes', 'edges'],
                properties: { nodes: { type: 'integer' }, edges: { type: 'integer' } },
              },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { user, scope } = scopeOf(request);
      const q = request.query;
      const chain = await caseChain(
        ctx.db,
        {
          caseIds: [request.params.id],
          depth: q.depth,
          from: secondsOf(q.from),
          to: secondsOf(q.to),
          place: q.place,
        },
        {
          scope,
          actor: user.id,
          params: { originLon: ctx.grid.originLon, originLat: ctx.grid.originLat, size: ctx.grid.size },
        },
      );
      return {
        depth: chain.depth,
        nodes: chain.nodes.map(({ exposure, ...n }) => ({
          ...n,
          exposure: exposure === null ? null : iso(exposure),
        })),
        edges: chain.edges.map((e) => ({
          ...e,
          overlapStart: iso(e.overlapStart),
          overlapEnd: iso(e.overlapEnd),
        })),
        truncated: chain.truncated,
        total: chain.total,
        limits: { nodes: CHAIN_MAX_NODES, edges: CHAIN_MAX_EDGES },
      };
    },
  );
}
