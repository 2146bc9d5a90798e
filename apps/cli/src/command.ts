/**
 * What a CLI command declares: its words (`import people`), what follows them (a FILE), its flags
 * and how it runs. main.ts parses the command line against the chosen command's own flags, so a
 * flag the command does not take — unknown, or another command's — stops with RX_UNKNOWN_FLAG
 * (exit 2) naming it; the help is generated from the same declarations.
 */
import type { Locale, Text } from '@renxing/contracts';
import type { Flags } from './args.js';

export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** What to write after the flag in the help (`FILE`, `N`); none for a boolean. */
  value?: string;
  /** One line for the help, in each locale. */
  help: Text;
}

export interface Command {
  /** The command's words, e.g. ['import', 'people']. */
  readonly words: readonly string[];
  /** The name of the one word that follows (e.g. FILE), when the command takes one. */
  readonly operand?: string;
  /** Its usage lines in the general help, in each locale. */
  readonly usage: Text;
  /** The flags it takes, by name (without `--`). */
  readonly flags: Readonly<Record<string, FlagSpec>>;
  /** Runs with the parsed flags (the operand, when there is one, as `flags.file`); the exit code. */
  run(flags: Flags, locale: Locale): Promise<number | undefined> | number | undefined;
}

/** The command line name of a command: `import people`. */
export const commandName = (c: Command): string => c.words.join(' ');
