/** `renxing`: find the command, parse its own flags, run it, map errors to clear messages and exit codes. */
import { localeFromEnv, RenxingError } from '@renxing/contracts';
import { parseCommandLine } from './args.js';
import { commandsFor } from './commands/index.js';
import { commandHelp, helpText } from './help.js';

const locale = localeFromEnv(process.env);

async function run(argv: string[]): Promise<number> {
  const commands = await commandsFor(argv);
  const { command, flags } = parseCommandLine(argv, commands);
  if (!command) {
    process.stdout.write(helpText(locale, commands));
    return argv.length === 0 ? 2 : 0;
  }
  if (flags.help) {
    process.stdout.write(commandHelp(command, locale));
    return 0;
  }
  return (await command.run(flags, locale)) ?? 0;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (e) {
  if (e instanceof RenxingError) {
    process.stderr.write(`renxing: ${e.localized(locale)}\n`);
    process.exitCode = e.status >= 500 ? 1 : 2;
  } else {
    const err = new RenxingError('RX_INTERNAL', { detail: (e as Error).stack ?? String(e) });
    process.stderr.write(`renxing: ${err.localized(locale)}\n`);
    process.exitCode = 1;
  }
}
