/**
 * Uploads that parse a whole file hold memory while they run: at most one per user and `max` at
 * once for the whole server. A caller over either bound is refused at once (429 RX_IMPORT_BUSY)
 * before a byte of the file is parsed, so a burst of uploads costs the server little.
 */
import { RenxingError } from '@renxing/contracts';

export interface ImportGate {
  /** Runs `work` holding a place for `user`, or throws RX_IMPORT_BUSY. */
  run<T>(user: string, work: () => Promise<T>): Promise<T>;
  /** Imports running now. */
  readonly running: number;
}

export function importGate(max: number): ImportGate {
  const users = new Set<string>();
  return {
    get running() {
      return users.size;
    },
    async run(user, work) {
      if (users.has(user)) {
        throw new RenxingError('RX_IMPORT_BUSY', {
          detail: { en: 'yours, started earlier', 'zh-CN': '您之前发起的导入' },
        });
      }
      if (users.size >= max) {
        throw new RenxingError('RX_IMPORT_BUSY', {
          detail: { en: `${users.size} on this server`, 'zh-CN': `本服务器上有 ${users.size} 个` },
        });
      }
      users.add(user);
      try {
        return await work();
      } finally {
        users.delete(user);
      }
    },
  };
}
