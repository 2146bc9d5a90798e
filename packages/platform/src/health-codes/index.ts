/** Health codes: applying events to stored codes, overrides, test results, signed tokens and QR codes. */
export {
  applyHealthCodeEvent,
  type HealthCodeRefusal,
  HealthCodeServiceError,
  type LoadedHealthCode,
  loadHealthCode,
  presetOf,
  settleHealthCode,
  toTransition,
} from './apply.js';
export {
  type CloseContactInput,
  type DischargeInput,
  designateCloseContact,
  dischargeCase,
  type IsolationInput,
  type OfficerActionResult,
  startIsolation,
} from './officer.js';
export {
  type DecidedOverride,
  decideHealthCodeOverride,
  type NewOverride,
  type OverrideDecisionInput,
  requestHealthCodeOverride,
} from './overrides.js';
export { type QrOptions, qrPng } from './qr.js';
export {
  DEFAULT_TOKEN_TTL,
  generateSigningKey,
  type HealthTokenClaims,
  issueHealthToken,
  jwks,
  jwkThumbprint,
  loadPreviousKeys,
  loadSigningKey,
  PREVIOUS_KEYS_DIR,
  type PublicJwk,
  type PublishedKey,
  personPseudonym,
  SIGNING_KEY_FILE,
  type SigningKey,
  signingKeyFromPem,
  TOKEN_REFUSALS,
  type TokenCheck,
  type TokenRefusal,
  type VerifyKey,
  verifyHealthToken,
  verifyKeysFromPem,
} from './signing.js';
export { type NewPcrResult, type RecordedPcrResult, recordPcrResult } from './tests.js';
export { issuePersonToken, type OnlineCheck, type TokenContext, verifyPersonToken } from './tokens.js';
export { type HealthCodeView, healthCodeView } from './view.js';
