/** A message that fails to decode is counted and skipped; the first of each kind is logged. */
import { StreamWireError } from '../core/wire-error.js';
import { metrics } from './metrics.js';

const logged = new Set<string>();

export function badMessage(kind: string, where: string, e: unknown, log: (line: string) => void): void {
  if (!(e instanceof StreamWireError)) throw e;
  metrics().badMessages.inc({ kind });
  if (logged.has(kind)) return;
  logged.add(kind);
  log(`skipping a malformed ${kind} message (${where}): ${e.reason}; further ones are only counted`);
}
