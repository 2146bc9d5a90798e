/**
 * The rules participation's services apply (modules/participation/rules: trigram Jaccard, SLAs, the
 * report state machine with reopen, the early-warning rule), under the names the services call.
 * Nothing is decided here: each entry is a rule.
 */
import { earlyWarningVerdict } from '../rules/early-warning.js';
import { median, slaVerdict } from '../rules/sla.js';
import { nextReportState, reopenDecision } from '../rules/states.js';
import { nearDuplicateOf } from '../rules/trigram.js';

export type { WarningVerdict } from '../rules/early-warning.js';
export type { SlaVerdict } from '../rules/sla.js';
export type { ReopenDecision } from '../rules/states.js';

export const RULES = {
  nearDuplicateOf,
  nextState: nextReportState,
  reopen: reopenDecision,
  sla: slaVerdict,
  median,
  earlyWarning: earlyWarningVerdict,
} as const;
