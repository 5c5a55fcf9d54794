#!/usr/bin/env node
// The ingest's reader of documents (`readFiles`: `readFileSync`, one at a time) against the one it
// replaced (`fs/promises`' `readFile`, sixteen at a time), over a documents folder: wall and CPU
// time of each, alternating, five rounds in the same process, with the bytes read as a check.
// Usage: node scripts/bench/read-documents.ts DOCUMENTS_DIR
import { readFile } from 'node:fs/promises';
import { listFiles, readFiles, type FoundFile } from '../../src/ingest/documents-folder.ts';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('Usage: node scripts/bench/read-documents.ts DOCUMENTS_DIR');
const files = await listFiles(dir);

async function before(found: readonly FoundFile[]): Promise<number> {
  let bytes = 0;
  for (let start = 0; start < found.length; start += 16) {
    for (const read of await Promise.all(found.slice(start, start + 16).map((file) => readFile(file.path)))) bytes += read.length;
  }
  return bytes;
}
async function ours(found: readonly FoundFile[]): Promise<number> {
  let bytes = 0;
  for (const { bytes: read } of readFiles(found)) bytes += read?.length ?? 0;
  return bytes;
}

const cpu = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1]!;
const rounds = new Map<string, { wall: number[]; cpu: number[]; bytes: number }>();
for (let round = 0; round < 5; round++) {
  for (const [name, read] of [
    ['fs/promises readFile, 16 at a time', before],
    ['readFiles (readFileSync)', ours],
  ] as const) {
    const [startCpu, started] = [cpu(), performance.now()];
    const bytes = await read(files);
    const entry = rounds.get(name) ?? { wall: [], cpu: [], bytes };
    entry.wall.push(performance.now() - started);
    entry.cpu.push(cpu() - startCpu);
    rounds.set(name, entry);
  }
}
console.log(`${files.length} documents in ${dir}; medians of 5 rounds (CPU: every thread of the process, libuv's pool included)`);
for (const [name, { wall, cpu: used, bytes }] of rounds) {
  console.log(`${name}: ${median(wall).toFixed(0)} ms wall, ${median(used).toFixed(0)} ms CPU, ${bytes} bytes`);
}
