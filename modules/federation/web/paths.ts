/** The ways to federation's pages (other modules' screens reach them through index.ts). */
export const HANDOFFS_HREF = '/handoffs';
export const PEERS_HREF = '/federation/peers';
export const handoffHref = (handoffId: string) => `/handoffs/${encodeURIComponent(handoffId)}`;
export const handoffsHref = (direction: 'in' | 'out') => `/handoffs?direction=${direction}`;
