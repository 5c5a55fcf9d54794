import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fileStamp, stampPredates } from './file-stamp.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-stamp-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('fileStamp', () => {
  test('changes with the size or the time, not with reading', async () => {
    const file = join(dir, 'a.txt');
    await writeFile(file, 'one');
    const when = new Date('2026-01-01T00:00:00Z');
    await utimes(file, when, when);
    const first = fileStamp(file)!;
    expect(fileStamp(file)).toBe(first);
    await writeFile(file, 'three');
    await utimes(file, when, when);
    expect(fileStamp(file)).not.toBe(first);
    await writeFile(file, 'two');
    await utimes(file, new Date('2026-01-02T00:00:00Z'), new Date('2026-01-02T00:00:00Z'));
    expect(fileStamp(file)).not.toBe(first);
  });

  test('is undefined for a file that is not there', () => {
    expect(fileStamp(join(dir, 'missing.txt'))).toBeUndefined();
  });
});

describe('stampPredates', () => {
  const at = (ms: number) => `10:42:${BigInt(ms) * 1_000_000n}`;
  test('trusts only a file that last changed well before the run began', () => {
    expect(stampPredates(at(1_000_000), 1_010_000)).toBe(true);
    expect(stampPredates(at(1_009_000), 1_010_000)).toBe(false);
    expect(stampPredates(at(1_011_000), 1_010_000)).toBe(false);
    expect(stampPredates(at(1_000_000), undefined)).toBe(false);
  });
});
