/** The peer-city registry: registering a peer (its keys read from it), listing them. */
import { invalid, RenxingError } from '@renxing/contracts';
import { appendAudit } from '@renxing/modules/audit';
import { isPlacePath, isWithin } from '@renxing/modules/places';
import type { JSONWebKeySet } from 'jose';
import { isCityCode } from '../rules/messages.js';
import { type PeerCity, type PeerKind, upsertPeer } from '../store/peers.js';
import { type Actor, cityCode, type FederationContext, fetchJwks, selfCode } from './context.js';

export interface PeerRegistration {
  code: string;
  name: string;
  /** Another city (default), or a department of this city running its own instance. */
  kind?: PeerKind;
  baseUrl: string;
  /** The places it covers (default: a city's root, `code`; a department's: this whole city). */
  places?: string[];
  shareIdentity?: boolean;
  /** Its keys, when they are not to be read from `<baseUrl>/.well-known/jwks.json`. */
  jwks?: JSONWebKeySet;
}

/** Registers (or updates) a peer city; its keys are read from it unless given. One audit row. */
export async function registerPeerCity(
  ctx: FederationContext,
  input: PeerRegistration,
  actor: Actor,
): Promise<{ peer: PeerCity; created: boolean }> {
  if (!isCityCode(input.code))
    throw invalid('body.code', { en: 'a city code: a-z then a-z0-9', 'zh-CN': '城市代码：小写字母开头' });
  const name = input.name.trim();
  if (name === '' || name.length > 100)
    throw invalid('body.name', { en: '1 to 100 characters', 'zh-CN': '须为 1 至 100 个字符' });
  let url: URL;
  try {
    url = new URL(input.baseUrl);
  } catch {
    throw invalid('body.baseUrl', { en: 'not a URL', 'zh-CN': '不是网址' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalid('body.baseUrl', { en: 'http or https only', 'zh-CN': '仅支持 http 或 https' });
  const kind = input.kind ?? 'city';
  const city = await cityCode(ctx.db);
  const own = await selfCode(ctx);
  if (input.code === own) throw new RenxingError('RX_PEER_IS_SELF', { city: input.code });
  // A city covers places of its own tree; a department, places of this city's.
  const root = kind === 'city' ? input.code : city;
  const places = input.places && input.places.length > 0 ? input.places : [root];
  for (const [i, p] of places.entries()) {
    if (!isPlacePath(p) || !isWithin(p, root))
      throw invalid(`body.places.${i}`, {
        en: `a place path under ${root}`,
        'zh-CN': `须为 ${root} 之下的地点路径`,
      });
  }
  const baseUrl = url.href.replace(/\/+$/, '');
  const jwks = input.jwks ?? ((await fetchJwks(ctx, baseUrl)) as unknown as JSONWebKeySet);
  if (!Array.isArray(jwks.keys) || jwks.keys.length === 0)
    throw invalid('body.jwks', { en: 'no keys', 'zh-CN': '没有公钥' });
  const at = new Date(ctx.now() * 1000);
  return ctx.db.transaction(async (tx) => {
    const out = await upsertPeer(tx, {
      code: input.code,
      name,
      kind,
      baseUrl,
      jwks,
      fetchedAt: input.jwks ? null : at,
      places,
      shareIdentity: input.shareIdentity ?? false,
      registeredBy: actor.userId,
    });
    await appendAudit(tx, {
      actor: actor.userId ?? 'system:federation',
      action: out.created ? 'federation.peer.register' : 'federation.peer.update',
      subjectType: 'peer_city',
      subjectId: input.code,
      detail: {
        kind,
        baseUrl,
        places,
        shareIdentity: input.shareIdentity ?? false,
        kids: jwks.keys.map((k) => k.kid ?? null),
      },
    });
    return out;
  });
}
