/**
 * Children a test starts (NATS servers, role processes) die with it: on a normal exit, and on the
 * SIGTERM / SIGINT / SIGHUP a test runner sends a worker it gives up on (a timed-out file), which
 * would otherwise leave servers and roles running with no parent. (Role processes also stop on
 * their own when their IPC channel to the parent closes; see startCli.)
 */
import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();
let hooked = false;

function killAll(): void {
  for (const c of live) c.kill('SIGKILL');
  live.clear();
}

export function reapOnExit(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (hooked) return;
  hooked = true;
  process.once('exit', killAll);
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const)
    process.once(sig, () => {
      killAll();
      process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGHUP' ? 1 : 15));
    });
}
