/** Every command of `renxing`, in the order the help lists them: each file declares its own. */
import type { Command } from '../command.js';
import { command as aidMatch } from './aid-match.js';
import { command as auditVerify } from './audit-verify.js';
import { command as companions } from './companions.js';
import { command as demo } from './demo.js';
import { command as genCity } from './gen-city.js';
import { command as importAssets } from './import-assets.js';
import { command as importPeople } from './import-people.js';
import { command as importPings } from './import-pings.js';
import { command as importResults } from './import-results.js';
import { command as importVolunteers } from './import-volunteers.js';
import { command as index } from './index-cmd.js';
import { command as infraAlarms } from './infra-alarms.js';
import { command as infraN1 } from './infra-n1.js';
import { command as purge } from './purge.js';
import { command as resilienceCompute } from './resilience-compute.js';
import { command as resilienceScore } from './resilience-score.js';
import { command as screeningPoolSize } from './screening-pool-size.js';
import { command as screeningResolve } from './screening-resolve.js';
import { command as userAdd } from './user-add.js';

export const COMMANDS: readonly Command[] = [
  companions,
  index,
  genCity,
  demo,
  userAdd,
  importPeople,
  importPings,
  importResults,
  importAssets,
  importVolunteers,
  purge,
  auditVerify,
  screeningResolve,
  screeningPoolSize,
  infraN1,
  infraAlarms,
  aidMatch,
  resilienceScore,
  resilienceCompute,
];
