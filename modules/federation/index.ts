export { ACCESS } from './access.js';
export { FEDERATION_ERRORS } from './errors.js';
export { federationContext, federationModule } from './module.js';
export {
  checkClaims,
  checkHandoffBody,
  coveredBy,
  type DecisionBody,
  HANDOFF_KINDS,
  type HandoffBody,
  type HandoffKind,
  MESSAGE_TTL,
  type MessageClaims,
  REFUSALS,
  type Refusal,
  retryDelay,
} from './rules/messages.js';
export type { Actor, FederationContext } from './service/context.js';
export { acceptHandoff, rejectHandoff } from './service/decide.js';
export { signMessage, verifyMessage } from './service/jws.js';
export { FederationOutbox, RECEIVE_PATH } from './service/outbox.js';
export { type PeerRegistration, registerPeerCity } from './service/peers.js';
export { receiveMessage } from './service/receive.js';
export { type HandoffRequest, sendHandoff } from './service/send.js';
export { getHandoff, type HandoffView } from './service/view.js';
export { type Handoff, type HandoffState, listHandoffs } from './store/handoffs.js';
export { listPeers, type PeerCity } from './store/peers.js';
