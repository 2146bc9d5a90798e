/**
 * The question banks the platform ships: JSON files beside this one, `<id>.v<version>.json`, read
 * once (from the source tree, also when running from dist) and checked: a bank with a problem
 * fails loudly at first use rather than being shown half.
 */
import { readdir, readFile } from 'node:fs/promises';
import { modulesDir } from '@renxing/db';
import { checkBank, type QuestionBank } from '../rules/banks.js';

/** Where the bank files are: `modules/resilience/banks/`. */
export const BANKS_DIR = new URL('resilience/banks/', modulesDir);

const FILE = /^([a-z0-9-]+)\.v(\d+)\.json$/;

let loaded: Promise<QuestionBank[]> | undefined;

async function load(dir: URL): Promise<QuestionBank[]> {
  const files = (await readdir(dir)).filter((f) => FILE.test(f)).sort();
  const banks: QuestionBank[] = [];
  for (const file of files) {
    const [, id, version] = FILE.exec(file)!;
    let bank: QuestionBank;
    try {
      bank = checkBank(JSON.parse(await readFile(new URL(file, dir), 'utf8')));
    } catch (e) {
      throw new Error(`question bank ${file}: ${(e as Error).message}`, { cause: e });
    }
    if (bank.id !== id || bank.version !== Number(version))
      throw new Error(`question bank ${file} says it is ${bank.id} version ${bank.version}`);
    banks.push(bank);
  }
  return banks.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version));
}

/** Every shipped bank (each version), by id then version. */
export function shippedBanks(): Promise<QuestionBank[]> {
  loaded ??= load(BANKS_DIR).catch((e: unknown) => {
    loaded = undefined;
    throw e;
  });
  return loaded;
}

/** One shipped bank by id and version. */
export async function shippedBank(id: string, version: number): Promise<QuestionBank | undefined> {
  return (await shippedBanks()).find((b) => b.id === id && b.version === version);
}
