import { expect, it } from 'vitest';
import { commandName } from '../command.js';
import { COMMAND_FILES, commandsFor, loadCommands } from './index.js';

it('names each command file by the words the file itself declares, once', async () => {
  const commands = await loadCommands();
  expect(commands.map(commandName)).toEqual(COMMAND_FILES.map((f) => f.words.join(' ')));
  expect(new Set(commands.map(commandName)).size).toBe(commands.length);
});

it('loads only the command a command line names, and every command otherwise', async () => {
  expect((await commandsFor(['import', 'pings', 'x.csv', '--summary', 's.json'])).map(commandName)).toEqual([
    'import pings',
  ]);
  expect((await commandsFor(['stream', 'all', '--id', 'a'])).map(commandName)).toEqual(['stream all']);
  for (const argv of [[], ['--help'], ['import'], ['nonsense']])
    expect(await commandsFor(argv)).toHaveLength(COMMAND_FILES.length);
});
