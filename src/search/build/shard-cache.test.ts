import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { shardCache } from './shard-cache.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dossier-shard-cache-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A Pagefind output folder in miniature. */
function output(name: string, text: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'fragment'), { recursive: true });
  writeFileSync(join(dir, 'pagefind-entry.json'), '{}');
  writeFileSync(join(dir, 'fragment', 'a.pf_fragment'), text);
  return dir;
}

describe('shardCache', () => {
  const cacheDir = () => join(root, 'cache');

  test('finds a shard again only for the same pages with the same bytes and the same Pagefind', () => {
    const digests = new Map([
      ['a.html', 'A'],
      ['b.html', 'B'],
    ]);
    shardCache(cacheDir(), digests, '1.6.0').store(['a.html', 'b.html'], output('out', 'index of a and b'));
    const found = shardCache(cacheDir(), digests, '1.6.0').lookup(['a.html', 'b.html']);
    expect(readFileSync(join(found!, 'fragment', 'a.pf_fragment'), 'utf8')).toBe('index of a and b');

    expect(shardCache(cacheDir(), new Map([...digests, ['b.html', 'B2']]), '1.6.0').lookup(['a.html', 'b.html'])).toBeUndefined();
    expect(shardCache(cacheDir(), digests, '1.6.0').lookup(['a.html'])).toBeUndefined();
    expect(shardCache(cacheDir(), digests, '1.7.0').lookup(['a.html', 'b.html'])).toBeUndefined();
  });

  test('keeps the output: removing it afterwards, as the next build removes the last bundle, keeps the cache', () => {
    const digests = new Map([['a.html', 'A']]);
    const out = output('out', 'first');
    shardCache(cacheDir(), digests, '1').store(['a.html'], out);
    rmSync(out, { recursive: true });
    const found = shardCache(cacheDir(), digests, '1').lookup(['a.html']);
    expect(readFileSync(join(found!, 'fragment', 'a.pf_fragment'), 'utf8')).toBe('first');
  });

  test('prunes what the build neither used nor made', () => {
    const digests = new Map([
      ['a.html', 'A'],
      ['b.html', 'B'],
    ]);
    const first = shardCache(cacheDir(), digests, '1');
    first.store(['a.html'], output('out-a', 'a'));
    first.store(['b.html'], output('out-b', 'b'));
    const next = shardCache(cacheDir(), digests, '1');
    const kept = next.lookup(['a.html'])!;
    next.prune();
    expect(existsSync(kept)).toBe(true);
    expect(shardCache(cacheDir(), digests, '1').lookup(['b.html'])).toBeUndefined();
  });
});
