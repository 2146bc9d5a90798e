/** `renxing`: parse the command line, run a command, map errors to clear messages and exit codes. */
import { localeFromEnv, RenxingError } from '@renxing/contracts';
import { parseFlags } from './args.js';
import { auditVerifyCommand } from './commands/audit-verify.js';
import { companionsCommand } from './commands/companions.js';
import { demoCommand } from './commands/demo.js';
import { genCityCommand } from './commands/gen-city.js';
import { importPeopleCommand } from './commands/import-people.js';
import { importPingsCommand } from './commands/import-pings.js';
import { indexCommand } from './commands/index-cmd.js';
import { purgeCommand } from './commands/purge.js';
import { userAddCommand } from './commands/user-add.js';
import { helpText } from './help.js';

const locale = localeFromEnv(process.env);

async function run(argv: string[]): Promise<number> {
  const { command, args, flags } = parseFlags(argv);
  const noMoreWords = () => {
    if (args.length > 0) throw new RenxingError('RX_BAD_FLAG', { flag: args[0], detail: 'unexpected' });
  };
  if (flags.help || command === undefined || command === 'help') {
    process.stdout.write(helpText(locale));
    return command === undefined && !flags.help ? 2 : 0;
  }
  switch (command) {
    case 'companions':
      noMoreWords();
      await companionsCommand(flags, locale);
      return 0;
    case 'index':
      noMoreWords();
      await indexCommand(flags, locale);
      return 0;
    case 'gen-city':
      noMoreWords();
      genCityCommand(flags, locale);
      return 0;
    case 'demo':
      noMoreWords();
      await demoCommand(locale);
      return 0;
    case 'user':
      if (args[0] !== 'add' || args.length > 1)
        throw new RenxingError('RX_UNKNOWN_COMMAND', { command: [command, ...args].join(' ') });
      return await userAddCommand(flags, locale);
    case 'import':
      if (!(args[0] === 'people' || args[0] === 'pings') || args.length !== 2)
        throw new RenxingError('RX_UNKNOWN_COMMAND', { command: [command, ...args].join(' ') });
      if (args[0] === 'pings') await importPingsCommand({ ...flags, file: args[1] }, locale);
      else await importPeopleCommand({ ...flags, file: args[1] }, locale);
      return 0;
    case 'purge':
      noMoreWords();
      return await purgeCommand(flags, locale);
    case 'audit':
      if (args[0] !== 'verify' || args.length > 1)
        throw new RenxingError('RX_UNKNOWN_COMMAND', { command: [command, ...args].join(' ') });
      return await auditVerifyCommand(flags, locale);
    default:
      throw new RenxingError('RX_UNKNOWN_COMMAND', { command });
  }
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
