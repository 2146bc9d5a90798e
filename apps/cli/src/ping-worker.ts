/**
 * Worker thread: reads one byte range of a pings CSV (after its header), groups its pings by subject
 * and hands back typed arrays.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { type CompanionParams, type PingHeader, PingReader } from '@renxing/engine';
import { CHUNK } from './files.js';

export interface PartJob {
  path: string;
  start: number;
  end: number;
  params: CompanionParams;
  header: PingHeader;
}

function run(job: PartJob): void {
  const lines: number[] = [];
  const reasons: string[] = [];
  const reader = new PingReader(
    job.params,
    (_file, line, reason) => {
      lines.push(line);
      reasons.push(reason);
    },
    Math.ceil((job.end - job.start) / 30),
    job.header,
  );
  const fd = fs.openSync(job.path, 'r');
  const buf = Buffer.allocUnsafe(CHUNK);
  let at = job.start;
  try {
    while (at < job.end) {
      const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, job.end - at), at);
      if (n === 0) break;
      reader.push(buf.subarray(0, n));
      at += n;
      parentPort?.postMessage({ kind: 'progress', bytes: at - job.start });
    }
  } finally {
    fs.closeSync(fd);
  }
  const atRecordEnd = reader.atRecordEnd;
  const linesDone = reader.linesDone;
  const parts = reader.parts();
  const transfer = [
    parts.groups.first,
    parts.groups.ts,
    parts.groups.cell,
    parts.subjectBytes,
    parts.subjectOffsets,
    parts.cellI,
    parts.cellJ,
  ]
    .map((a) => a.buffer as ArrayBuffer)
    .filter((b, k, all) => all.indexOf(b) === k);
  parentPort?.postMessage({ kind: 'done', parts, atRecordEnd, linesDone, lines, reasons }, transfer);
}

run(workerData as PartJob);
