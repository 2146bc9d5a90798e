#!/usr/bin/env -S GLIBC_TUNABLES=glibc.malloc.hugetlb=1:${GLIBC_TUNABLES} node
import { fileURLToPath } from 'node:url';
import { relaunchedWithHugePages } from '../dist/huge-pages.js';

if (!(await relaunchedWithHugePages(fileURLToPath(import.meta.url), process.argv.slice(2)))) {
  await import('../dist/main.js');
}
