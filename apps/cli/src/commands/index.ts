/**
 * Every command of `renxing`, in the order the help lists them: each file declares its own. A
 * command's file is loaded only when it runs (or for the general help): loading all of them — the
 * database, the sheets, the stream client — cost 1.4 s on every run of `renxing companions`.
 * The words here are the files' own; a test checks that they agree.
 */
import type { Command } from '../command.js';

export interface CommandFile {
  readonly words: readonly string[];
  load(): Promise<Command>;
}

export const COMMAND_FILES: readonly CommandFile[] = [
  { words: ['companions'], load: async () => (await import('./companions.js')).command },
  { words: ['index'], load: async () => (await import('./index-cmd.js')).command },
  { words: ['gen-city'], load: async () => (await import('./gen-city.js')).command },
  { words: ['demo'], load: async () => (await import('./demo.js')).command },
  { words: ['user', 'add'], load: async () => (await import('./user-add.js')).command },
  { words: ['import', 'people'], load: async () => (await import('./import-people.js')).command },
  { words: ['import', 'pings'], load: async () => (await import('./import-pings.js')).command },
  { words: ['import', 'results'], load: async () => (await import('./import-results.js')).command },
  { words: ['import', 'assets'], load: async () => (await import('./import-assets.js')).command },
  { words: ['import', 'volunteers'], load: async () => (await import('./import-volunteers.js')).command },
  { words: ['purge'], load: async () => (await import('./purge.js')).command },
  { words: ['audit', 'verify'], load: async () => (await import('./audit-verify.js')).command },
  { words: ['screening', 'resolve'], load: async () => (await import('./screening-resolve.js')).command },
  { words: ['screening', 'pool-size'], load: async () => (await import('./screening-pool-size.js')).command },
  { words: ['infra', 'n-1'], load: async () => (await import('./infra-n1.js')).command },
  { words: ['infra', 'alarms'], load: async () => (await import('./infra-alarms.js')).command },
  { words: ['aid', 'match'], load: async () => (await import('./aid-match.js')).command },
  { words: ['resilience', 'score'], load: async () => (await import('./resilience-score.js')).command },
  { words: ['resilience', 'compute'], load: async () => (await import('./resilience-compute.js')).command },
  { words: ['stream', 'publish'], load: async () => (await import('./stream-publish.js')).command },
  { words: ['stream', 'builder'], load: async () => (await import('./stream-roles.js')).builderCommand },
  { words: ['stream', 'index'], load: async () => (await import('./stream-roles.js')).indexCommand },
  { words: ['stream', 'all'], load: async () => (await import('./stream-roles.js')).allCommand },
  { words: ['stream', 'status'], load: async () => (await import('./stream-status.js')).command },
  { words: ['stream', 'companions'], load: async () => (await import('./stream-companions.js')).command },
];

/** Every command, loaded (the general help, and a command line no file's words begin). */
export function loadCommands(): Promise<Command[]> {
  return Promise.all(COMMAND_FILES.map((f) => f.load()));
}

/**
 * The commands a command line needs: only the file whose words begin it (the longest such), or
 * all of them when none does — then the parser names what is unknown.
 */
export async function commandsFor(argv: readonly string[]): Promise<Command[]> {
  const words: string[] = [];
  for (const a of argv) {
    if (a.startsWith('-')) break;
    words.push(a);
  }
  const file = COMMAND_FILES.filter((f) => f.words.every((w, i) => words[i] === w)).sort(
    (x, y) => y.words.length - x.words.length,
  )[0];
  return file ? [await file.load()] : loadCommands();
}
