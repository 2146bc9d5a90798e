/** Supplies' schemas, written once: validation, types and the OpenAPI document. */
import { placePath } from '@renxing/http';
import { ITEM_CODE_PATTERN, MAX_QUANTITY } from '../rules/catalogue.js';
import { MOVEMENT_KINDS } from '../rules/stock.js';

const instant = { type: 'string', format: 'date-time' } as const;
const uuid = { type: 'string', format: 'uuid' } as const;
const text = {
  type: 'object',
  required: ['en', 'zh-CN'],
  properties: { en: { type: 'string' }, 'zh-CN': { type: 'string' } },
} as const;

export const itemCode = { type: 'string', minLength: 1, maxLength: 64, pattern: ITEM_CODE_PATTERN } as const;
export const quantity = { type: 'integer', minimum: 1, maximum: MAX_QUANTITY } as const;
const reason = { type: 'string', maxLength: 1000 } as const;

export const itemSchema = {
  type: 'object',
  required: ['code', 'name', 'unit', 'shelfLifeDays', 'minPerStore', 'createdAt', 'updatedAt'],
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    unit: { type: 'string' },
    shelfLifeDays: {
      type: ['integer', 'null'],
      description: 'days from receipt to expiry; null: it does not expire',
    },
    minPerStore: { type: ['integer', 'null'], description: 'the least every store should hold; null: none' },
    createdAt: instant,
    updatedAt: instant,
  },
} as const;

export const itemImportSchema = {
  type: 'object',
  required: ['rows', 'created', 'updated', 'unchanged', 'rejects'],
  properties: {
    rows: { type: 'integer', description: 'data rows read (the header not counted)' },
    created: { type: 'integer' },
    updated: { type: 'integer' },
    unchanged: { type: 'integer', description: 'rows stating an item as it already is' },
    rejects: {
      type: 'array',
      items: {
        type: 'object',
        required: ['line', 'reason', 'message'],
        properties: { line: { type: 'integer' }, reason: { type: 'string' }, message: text },
      },
    },
  },
} as const;

export const storeSchema = {
  type: 'object',
  required: ['id', 'name', 'placePath', 'placeName', 'placeLevel', 'createdAt'],
  properties: {
    id: uuid,
    name: { type: 'string' },
    placePath: { type: 'string' },
    placeName: { type: 'string' },
    placeLevel: { type: 'string', enum: ['city', 'district', 'street', 'community', 'grid'] },
    createdAt: instant,
  },
} as const;

export const storeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['place', 'name'],
  properties: { place: placePath, name: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

export const lotSchema = {
  type: 'object',
  required: [
    'lotId',
    'storeId',
    'storeName',
    'placePath',
    'placeName',
    'item',
    'itemName',
    'unit',
    'quantity',
    'expiresAt',
    'receivedAt',
  ],
  properties: {
    lotId: uuid,
    storeId: uuid,
    storeName: { type: 'string' },
    placePath: { type: 'string' },
    placeName: { type: 'string' },
    item: { type: 'string' },
    itemName: { type: 'string' },
    unit: { type: 'string' },
    quantity: { type: 'integer' },
    expiresAt: { type: ['string', 'null'], format: 'date-time', description: 'expired from this instant on' },
    receivedAt: instant,
  },
} as const;

const storeRef = {
  type: 'object',
  required: ['id', 'name', 'placePath'],
  properties: { id: uuid, name: { type: 'string' }, placePath: { type: 'string' } },
} as const;

export const movementSchema = {
  type: 'object',
  required: [
    'id',
    'kind',
    'item',
    'itemName',
    'unit',
    'store',
    'toStore',
    'quantity',
    'reason',
    'actor',
    'at',
    'lots',
  ],
  properties: {
    id: uuid,
    kind: { type: 'string', enum: MOVEMENT_KINDS },
    item: { type: 'string' },
    itemName: { type: 'string' },
    unit: { type: 'string' },
    store: { ...storeRef, description: 'the store it changes (a transfer: the one it leaves)' },
    toStore: { anyOf: [storeRef, { type: 'null' }] },
    quantity: { type: 'integer', description: "how much (an adjustment's signed)" },
    reason: { type: ['string', 'null'] },
    actor: {
      type: 'object',
      required: ['id', 'name'],
      properties: { id: uuid, name: { type: 'string' } },
    },
    at: instant,
    lots: {
      type: 'array',
      description: 'what it did to each lot',
      items: {
        type: 'object',
        required: ['lotId', 'storeId', 'delta', 'expiresAt'],
        properties: {
          lotId: uuid,
          storeId: uuid,
          delta: { type: 'integer' },
          expiresAt: { type: ['string', 'null'], format: 'date-time' },
        },
      },
    },
  },
} as const;

export const receiveBody = {
  type: 'object',
  additionalProperties: false,
  required: ['store', 'item', 'quantity'],
  properties: {
    store: uuid,
    item: itemCode,
    quantity,
    expiresAt: {
      type: ['string', 'null'],
      format: 'date-time',
      description: "default: now + the item's shelf life; null: it does not expire",
    },
    reason: { ...reason, description: 'where it came from' },
  },
} as const;

export const issueBody = {
  type: 'object',
  additionalProperties: false,
  required: ['store', 'item', 'quantity'],
  properties: {
    store: uuid,
    item: itemCode,
    quantity,
    reason: { ...reason, description: 'to whom, what for' },
  },
} as const;

export const transferBody = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'item', 'quantity'],
  properties: { from: uuid, to: uuid, item: itemCode, quantity, reason },
} as const;

export const adjustBody = {
  type: 'object',
  additionalProperties: false,
  required: ['store', 'item', 'delta', 'reason'],
  properties: {
    store: uuid,
    item: itemCode,
    delta: {
      type: 'integer',
      minimum: -MAX_QUANTITY,
      maximum: MAX_QUANTITY,
      description: 'more (+) or less (−) than the books say',
    },
    reason: { type: 'string', minLength: 1, maxLength: 1000 },
    lot: {
      ...uuid,
      description: 'the lot found wrong; without one a shortfall is taken first expiring first',
    },
    expiresAt: {
      type: ['string', 'null'],
      format: 'date-time',
      description: 'a surplus without a lot: its expiry',
    },
  },
} as const;

export const expireBody = {
  type: 'object',
  additionalProperties: false,
  required: ['store'],
  properties: { store: uuid, lot: { ...uuid, description: 'one lot; default every lot past its expiry' } },
} as const;

const figure = { type: 'number' } as const;

export const gapPlaceSchema = {
  type: 'object',
  required: ['path', 'name', 'level', 'parent', 'lon', 'lat', 'residents'],
  properties: {
    path: { type: 'string' },
    name: { type: 'string' },
    level: { type: 'string', enum: ['city', 'district', 'street', 'community', 'grid'] },
    parent: { type: ['string', 'null'] },
    lon: { type: ['number', 'null'] },
    lat: { type: ['number', 'null'] },
    residents: { type: 'integer' },
  },
} as const;

export const gapRowSchema = {
  type: 'object',
  required: [
    'path',
    'name',
    'level',
    'parent',
    'item',
    'residents',
    'requirement',
    'stock',
    'gapsBelow',
    'gap',
  ],
  properties: {
    path: { type: 'string' },
    name: { type: 'string' },
    level: { type: 'string', enum: ['city', 'district', 'street', 'community', 'grid'] },
    parent: { type: ['string', 'null'] },
    item: { type: 'string' },
    residents: { type: 'integer' },
    requirement: {
      ...figure,
      description: "a community's: Σ norm per resident × residents; above, the sum of those under it",
    },
    stock: {
      type: 'integer',
      description:
        'usable at the horizon: a community’s in stores at or under it; above, in stores at the place',
    },
    gapsBelow: { ...figure, description: 'above community level: the gaps its children leave' },
    gap: {
      ...figure,
      description: 'a community: max(0, requirement − stock); above: max(0, gapsBelow − stock)',
    },
  },
} as const;

export const gapsSchema = {
  type: 'object',
  required: ['under', 'horizon', 'items', 'places', 'rows'],
  properties: {
    under: { type: 'string' },
    horizon: instant,
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'name', 'unit'],
        properties: { code: { type: 'string' }, name: { type: 'string' }, unit: { type: 'string' } },
      },
    },
    places: { type: 'array', items: gapPlaceSchema },
    rows: { type: 'array', items: gapRowSchema },
  },
} as const;

export const normSchema = {
  type: 'object',
  required: ['id', 'source', 'item', 'itemName', 'unit', 'perResident', 'places', 'setAt'],
  properties: {
    id: uuid,
    source: { type: 'string', description: "who set it: 'plan:<id>', 'incident:<id>', 'demo:flood'" },
    item: { type: 'string' },
    itemName: { type: 'string' },
    unit: { type: 'string' },
    perResident: { type: 'number' },
    places: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'name'],
        properties: { path: { type: 'string' }, name: { type: 'string' } },
      },
    },
    setAt: instant,
  },
} as const;

export const alertsSchema = {
  type: 'object',
  required: ['under', 'at', 'expiring', 'gaps', 'belowMinimum'],
  properties: {
    under: { type: 'string' },
    at: instant,
    expiring: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'lotId',
          'storeId',
          'storeName',
          'placePath',
          'item',
          'itemName',
          'unit',
          'quantity',
          'expiresAt',
          'expired',
        ],
        properties: {
          lotId: uuid,
          storeId: uuid,
          storeName: { type: 'string' },
          placePath: { type: 'string' },
          item: { type: 'string' },
          itemName: { type: 'string' },
          unit: { type: 'string' },
          quantity: { type: 'integer' },
          expiresAt: instant,
          expired: { type: 'boolean' },
        },
      },
    },
    gaps: {
      type: 'array',
      items: {
        type: 'object',
        required: [...gapRowSchema.required, 'itemName', 'unit'],
        properties: { ...gapRowSchema.properties, itemName: { type: 'string' }, unit: { type: 'string' } },
      },
    },
    belowMinimum: {
      type: 'array',
      items: {
        type: 'object',
        required: ['storeId', 'storeName', 'placePath', 'item', 'itemName', 'unit', 'minimum', 'stock'],
        properties: {
          storeId: uuid,
          storeName: { type: 'string' },
          placePath: { type: 'string' },
          item: { type: 'string' },
          itemName: { type: 'string' },
          unit: { type: 'string' },
          minimum: { type: 'integer' },
          stock: { type: 'integer' },
        },
      },
    },
  },
} as const;

export const raisedSchema = {
  type: 'object',
  required: ['raised', 'expiring', 'gaps', 'belowMinimum'],
  properties: {
    raised: { type: 'integer', description: 'inbox items new (an alert raised before is not raised again)' },
    expiring: { type: 'integer' },
    gaps: { type: 'integer' },
    belowMinimum: { type: 'integer' },
  },
} as const;
