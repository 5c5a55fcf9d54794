import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { draftStore } from './draft-store.ts';
import type { PreparedDocument } from './parse/prepare-document.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-drafts-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const draft = (title: string, body: string): PreparedDocument => ({ title, text: body, slug: title.toLowerCase() }) as PreparedDocument;

test('bodies past the budget go to the spill file and come back whole; the file goes on close', () => {
  const file = join(dir, '.drafts.1.tmp');
  const store = draftStore(file, 10);
  const bodies = ['short', 'past the budget, «ünïcödé» 東京', 'also past it', ''];
  bodies.forEach((body, n) => store.set(`d${n}`, draft(`D${n}`, body)));
  expect(store.spilled).toBe(2);
  expect(existsSync(file)).toBe(true);
  expect(store.titles()).toEqual(bodies.map((_, n) => ({ source: `d${n}`, title: `D${n}`, slug: `d${n}` })));
  // In any order, each once.
  for (const n of [2, 0, 3, 1]) expect(store.take(`d${n}`)).toEqual(draft(`D${n}`, bodies[n]!));
  expect(store.take('d1')).toBeUndefined();
  expect(store.keys()).toEqual([]);
  store.close();
  expect(existsSync(file)).toBe(false);
});

test('under the budget nothing touches the disk, and a body taken frees its room', () => {
  const file = join(dir, '.drafts.2.tmp');
  const store = draftStore(file, 10);
  store.set('a', draft('A', '0123456789'));
  store.take('a');
  store.set('b', draft('B', '0123456789'));
  store.set('b', draft('B', '9876543210'));
  expect(store.spilled).toBe(0);
  expect(store.take('b')?.text).toBe('9876543210');
  store.close();
  expect(existsSync(file)).toBe(false);
});
