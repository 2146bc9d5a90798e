/**
 * JSON schemas shared by routes: the models registered once by app.ts (referenced by $id), and
 * the small fragments several routes inline.
 */

/** A materialised place path of codes, e.g. cq.yz.jd01. */
export const placePath = {
  type: 'string',
  maxLength: 400,
  pattern: '^[a-z0-9_]{1,32}(\\.[a-z0-9_]{1,32})*$',
} as const;

/** A search box's text: 1–50 characters, no NUL. */
export const searchText = { type: 'string', minLength: 1, maxLength: 50, pattern: '^[^\\x00]*$' } as const;

/** Path parameters of a route on one record: its uuid. */
export const uuidParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;

export const userSchema = {
  $id: 'User',
  type: 'object',
  required: ['id', 'username', 'role', 'placePath', 'displayName'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    username: { type: 'string' },
    role: { type: 'string' },
    placePath: { type: ['string', 'null'], description: 'the root of what the user may see' },
    displayName: { type: ['string', 'null'] },
  },
} as const;

export const placeSchema = {
  $id: 'Place',
  type: 'object',
  required: ['id', 'parentId', 'level', 'code', 'name', 'nameEn', 'path', 'lon', 'lat'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    parentId: { type: ['string', 'null'] },
    level: { type: 'string', enum: ['city', 'district', 'street', 'community', 'grid'] },
    code: { type: 'string' },
    name: { type: 'string' },
    nameEn: { type: ['string', 'null'] },
    path: { type: 'string', description: 'materialised path of codes, e.g. cq.yz.jd01' },
    lon: { type: ['number', 'null'] },
    lat: { type: ['number', 'null'] },
  },
} as const;

export const sharedSchemas = [userSchema, placeSchema];
