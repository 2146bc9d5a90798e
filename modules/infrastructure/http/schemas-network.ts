/** The network's schemas, written once: validation, types and the OpenAPI document. */

import { ASSET_TYPES, RELATIONS } from '../rules/network.js';
import { MAX_ID } from '../rules/network-file.js';
import { alarmSchema, sensorSchema } from './schemas-alarms.js';

const instant = { type: 'string', format: 'date-time' } as const;
const uuid = { type: 'string', format: 'uuid' } as const;
const text = {
  type: 'object',
  required: ['en', 'zh-CN'],
  properties: { en: { type: 'string' }, 'zh-CN': { type: 'string' } },
} as const;
export const assetId = { type: 'string', minLength: 1, maxLength: MAX_ID, pattern: '^[^\\x00]*$' } as const;
const type = { type: 'string', enum: ASSET_TYPES } as const;
const relation = { type: 'string', enum: RELATIONS } as const;

export const assetParams = {
  type: 'object',
  required: ['id'],
  properties: { id: assetId },
} as const;

export const linkSchema = {
  type: 'object',
  required: ['from', 'to', 'relation'],
  properties: { from: { type: 'string' }, to: { type: 'string' }, relation },
} as const;

export const assetSchema = {
  type: 'object',
  required: [
    'id',
    'kind',
    'type',
    'name',
    'placeId',
    'placePath',
    'placeName',
    'communityId',
    'communityPath',
    'communityName',
    'population',
    'lon',
    'lat',
    'operatorPlaceId',
    'operatorPlacePath',
    'operatorPlaceName',
    'working',
    'offline',
    'openAlarms',
    'updatedAt',
  ],
  properties: {
    id: { type: 'string' },
    kind: { type: 'string' },
    type,
    name: { type: 'string' },
    placeId: { ...uuid, description: 'the finest place it stands in' },
    placePath: { type: 'string' },
    placeName: { type: 'string' },
    communityId: { type: ['string', 'null'], description: 'the community a sink serves (null otherwise)' },
    communityPath: { type: ['string', 'null'] },
    communityName: { type: ['string', 'null'] },
    population: { type: 'integer', description: 'people a sink serves there (0 otherwise)' },
    lon: { type: ['number', 'null'] },
    lat: { type: ['number', 'null'] },
    operatorPlaceId: { ...uuid, description: 'the place whose inbox gets its alarms' },
    operatorPlacePath: { type: 'string' },
    operatorPlaceName: { type: 'string' },
    working: {
      type: 'boolean',
      description: 'it works with nothing failed (reaches its sources and providers)',
    },
    offline: { type: 'boolean', description: 'every sensor of it is offline' },
    openAlarms: { type: 'integer', description: 'its alarms raised and not cleared' },
    updatedAt: instant,
  },
} as const;

export const assetListSchema = {
  type: 'object',
  required: ['assets', 'links', 'kinds'],
  properties: {
    assets: { type: 'array', items: assetSchema },
    links: { type: 'array', items: linkSchema, description: 'the links between the assets listed' },
    kinds: {
      type: 'array',
      items: { type: 'string' },
      description: 'every kind of the assets you see (whatever the filter)',
    },
  },
} as const;

export const lossSchema = {
  type: 'object',
  required: ['asset', 'assetName', 'kind', 'community', 'communityPath', 'communityName', 'populationLost'],
  properties: {
    asset: { type: 'string', description: 'the asset that fails alone' },
    assetName: { type: 'string' },
    kind: { type: 'string', description: 'the service the community loses' },
    community: { ...uuid, description: "the community's place id" },
    communityPath: { type: 'string' },
    communityName: { type: 'string' },
    populationLost: { type: 'integer' },
  },
} as const;

const linkEnd = {
  type: 'object',
  required: ['id', 'name', 'kind', 'type', 'relation', 'working'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string' },
    type,
    relation,
    working: { type: 'boolean' },
  },
} as const;

export const assetPageSchema = {
  type: 'object',
  required: ['asset', 'upstream', 'downstream', 'sensors', 'alarms', 'impact'],
  properties: {
    asset: assetSchema,
    upstream: { type: 'array', items: linkEnd, description: 'links into it: what feeds it, what it needs' },
    downstream: {
      type: 'array',
      items: linkEnd,
      description: 'links out of it: what it feeds, who needs it',
    },
    sensors: {
      type: 'array',
      items: sensorSchema,
      description: 'its sensors, with the newest reading and offline',
    },
    alarms: {
      type: 'array',
      items: alarmSchema,
      description: 'its alarms raised and not cleared, newest first',
    },
    impact: {
      type: 'array',
      items: lossSchema,
      description: 'the N-1 rows of its failure: the communities that lose a service and the people there',
    },
  },
} as const;

const spofSchema = {
  type: 'object',
  required: ['communityId', 'communityPath', 'name', 'assets', 'services', 'peopleAtRisk'],
  properties: {
    communityId: uuid,
    communityPath: { type: 'string' },
    name: { type: 'string' },
    assets: {
      type: 'array',
      items: { type: 'string' },
      description: 'the assets whose failure alone makes it lose a service',
    },
    services: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'assets', 'peopleAtRisk'],
        properties: {
          kind: { type: 'string' },
          assets: { type: 'array', items: { type: 'string' } },
          peopleAtRisk: { type: 'integer' },
        },
      },
    },
    peopleAtRisk: {
      type: 'integer',
      description:
        'the largest population lost of its rows: the most people there one failure leaves without a service',
    },
  },
} as const;

export const n1Schema = {
  type: 'object',
  required: ['computedAt', 'assets', 'links', 'ms', 'rows', 'spofs'],
  properties: {
    computedAt: { type: ['string', 'null'], format: 'date-time', description: 'null: never computed' },
    assets: { type: 'integer' },
    links: { type: 'integer' },
    ms: { type: ['number', 'null'], description: 'how long the computation took' },
    rows: {
      type: 'array',
      items: lossSchema,
      description: 'the rows of the communities at or under your place, by asset, kind, community',
    },
    spofs: {
      type: 'array',
      items: spofSchema,
      description: 'per community its single points of failure, most people at risk first',
    },
  },
} as const;

export const drillBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    assetIds: { type: 'array', maxItems: 10_000, items: assetId, description: 'assets to fail' },
    polygon: {
      type: 'array',
      minItems: 3,
      maxItems: 10_000,
      description: 'an area of [lon, lat] vertices: every located asset inside it fails',
      items: {
        type: 'array',
        minItems: 2,
        maxItems: 2,
        description: '[lon, lat]: lon −180…180, lat −90…90',
        items: { type: 'number', minimum: -180, maximum: 180 },
      },
    },
  },
} as const;

export const drillSchema = {
  type: 'object',
  required: ['failed', 'assets', 'rows', 'communities', 'shelters', 'stores'],
  properties: {
    failed: {
      type: 'array',
      items: { type: 'string' },
      description: 'named first, then those inside the area',
    },
    assets: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'kind', 'type', 'placePath', 'placeName'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          kind: { type: 'string' },
          type,
          placePath: { type: 'string' },
          placeName: { type: 'string' },
        },
      },
    },
    rows: {
      type: 'array',
      description: "the contract's drill rows (asset: the set joined by +) of your communities",
      items: {
        type: 'object',
        required: ['asset', 'kind', 'community', 'communityPath', 'communityName', 'populationLost'],
        properties: {
          asset: { type: 'string' },
          kind: { type: 'string' },
          community: uuid,
          communityPath: { type: 'string' },
          communityName: { type: 'string' },
          populationLost: { type: 'integer' },
        },
      },
    },
    communities: {
      type: 'array',
      items: {
        type: 'object',
        required: ['communityId', 'path', 'name', 'people', 'kinds', 'services'],
        properties: {
          communityId: uuid,
          path: { type: 'string' },
          name: { type: 'string' },
          people: { type: 'integer', description: 'the largest population lost of its services' },
          kinds: { type: 'array', items: { type: 'string' } },
          services: {
            type: 'array',
            items: {
              type: 'object',
              required: ['kind', 'populationLost'],
              properties: { kind: { type: 'string' }, populationLost: { type: 'integer' } },
            },
          },
        },
      },
    },
    shelters: {
      type: 'array',
      description: 'shelters standing in the communities affected',
      items: {
        type: 'object',
        required: [
          'id',
          'name',
          'communityId',
          'place',
          'placeName',
          'state',
          'capacityDay',
          'capacityNight',
          'occupancy',
          'lon',
          'lat',
        ],
        properties: {
          id: uuid,
          name: { type: 'string' },
          communityId: uuid,
          place: { type: 'string' },
          placeName: { type: 'string' },
          state: { type: 'string' },
          capacityDay: { type: 'integer' },
          capacityNight: { type: 'integer' },
          occupancy: { type: 'integer' },
          lon: { type: 'number' },
          lat: { type: 'number' },
        },
      },
    },
    stores: {
      type: 'array',
      description: 'supply stores in the communities affected',
      items: {
        type: 'object',
        required: ['id', 'name', 'communityId', 'place', 'placeName'],
        properties: {
          id: uuid,
          name: { type: 'string' },
          communityId: uuid,
          place: { type: 'string' },
          placeName: { type: 'string' },
        },
      },
    },
  },
} as const;

export const importSchema = {
  type: 'object',
  required: ['what', 'rows', 'created', 'updated', 'unchanged', 'assets', 'links', 'rejects', 'n1'],
  properties: {
    what: { type: 'string', enum: ['assets', 'links', 'geojson'] },
    rows: { type: 'integer', description: 'data rows (or features) read' },
    created: { type: 'integer', description: 'assets and links created' },
    updated: { type: 'integer', description: 'assets changed' },
    unchanged: { type: 'integer', description: 'rows repeating what is stored' },
    assets: {
      type: 'object',
      required: ['created', 'updated', 'unchanged'],
      properties: {
        created: { type: 'integer' },
        updated: { type: 'integer' },
        unchanged: { type: 'integer' },
      },
    },
    links: {
      type: 'object',
      required: ['created', 'unchanged', 'removed'],
      properties: {
        created: { type: 'integer' },
        unchanged: { type: 'integer' },
        removed: { type: 'integer', description: 'feeds links dropped because an asset changed kind' },
      },
    },
    rejects: {
      type: 'array',
      items: {
        type: 'object',
        required: ['reason', 'message'],
        properties: {
          line: { type: 'integer', description: "a table's line (the header is line 1)" },
          feature: { type: 'integer', description: "a GeoJSON feature's index in features (from 0)" },
          reason: { type: 'string' },
          message: text,
        },
      },
    },
    n1: {
      type: ['object', 'null'],
      description: 'the N-1 analysis stored after the change (null: nothing changed)',
      required: ['computedAt', 'rows'],
      properties: { computedAt: instant, rows: { type: 'integer' } },
    },
  },
} as const;
