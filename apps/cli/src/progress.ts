/** Progress on stderr: a bar on a TTY, plain lines (every 10 % or 5 s) otherwise. */

export interface Progress {
  update(done: number, note?: string): void;
  finish(note?: string): void;
}

export function progress(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const tty = stream.isTTY === true;
  const t0 = Date.now();
  let lastDraw = 0;
  let lastPct = -10;
  const pct = (done: number) => (total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0);
  return {
    update(done, note = '') {
      const now = Date.now();
      const p = pct(done);
      if (tty) {
        if (now - lastDraw < 100) return;
        lastDraw = now;
        const width = 28;
        const fillN = Math.round((p / 100) * width);
        stream.write(
          `\r${label} [${'█'.repeat(fillN)}${'░'.repeat(width - fillN)}] ${String(p).padStart(3)}% ${note}\x1b[K`,
        );
      } else if (p >= lastPct + 10 || now - lastDraw >= 5000) {
        lastPct = p - (p % 10);
        lastDraw = now;
        stream.write(`${label} ${p}% ${note}\n`);
      }
    },
    finish(note = '') {
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      stream.write(`${tty ? '\r' : ''}${label} 100% ${note} (${secs} s)${tty ? '\x1b[K' : ''}\n`);
    },
  };
}

/** 12345678 → "12.3M". */
export function compact(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return String(n);
}
