export { ACCESS } from './access.js';
export { default as auditRoutes } from './http/routes.js';
export { auditModule } from './module.js';
export {
  AUDIT_KEY_FILE,
  type AuditSealing,
  auditSealing,
  checkSeals,
  type SealCheck,
  sealAudit,
} from './service/seals.js';
export { type AuditCheck, type AuditProblem, verifyAudit } from './service/verify.js';
export {
  type AuditEntry,
  type AuditFilter,
  type AuditRecord,
  appendAudit,
  auditTrail,
  type ChainCheck,
  listAudit,
  verifyAuditChain,
  verifyAuditRows,
} from './store/audit.js';
