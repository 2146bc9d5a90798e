export { ACCESS } from './access.js';
export { default as auditRoutes } from './http/routes.js';
export { auditModule } from './module.js';
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
