import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PARTITION_PLAN_FILE, parsePartition, partitionFromEnvironment, type PlanFile } from './partition.ts';
import { pagePartition } from './partition-plan.ts';

let dir: string;
const plan: PlanFile = { id: 'plan-1', count: 2, sections: ['["News"]'], entries: { a: [1, 0], b: [2, 0] } };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-partition-'));
  await writeFile(join(dir, PARTITION_PLAN_FILE), JSON.stringify(plan));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('parsePartition', () => {
  test('reads K/N', () => expect(parsePartition('3/8')).toEqual({ index: 3, count: 8 }));
  test.each(['0/2', '3/2', '2', 'a/b', '1/0'])('refuses %s', (text) => expect(() => parsePartition(text)).toThrow(/K\/N with 1 ≤ K ≤ N/));
});

describe('partitionFromEnvironment', () => {
  test('is undefined for a whole build', () => expect(partitionFromEnvironment({}, dir)).toBeUndefined());

  test('owns the articles the plan gives it, and the pages whose paths hash to it', () => {
    const second = partitionFromEnvironment({ DOSSIER_PARTITION: '2/2' }, dir)!;
    expect(second.planId).toBe('plan-1');
    expect([second.ownsArticle('a'), second.ownsArticle('b'), second.ownsArticle('unplanned')]).toEqual([false, true, false]);
    for (const path of ['/people/ada/', '/sections/news/2/', '/tags/x/']) expect(second.ownsPage(path)).toBe(pagePartition(path, 2) === 2);
  });

  test('says what to do when the plan is missing or for another count', async () => {
    expect(() => partitionFromEnvironment({ DOSSIER_PARTITION: '1/3' }, dir)).toThrow(/is for 2 partitions, not 3/);
    const empty = await mkdtemp(join(tmpdir(), 'dossier-partition-'));
    expect(() => partitionFromEnvironment({ DOSSIER_PARTITION: '1/2' }, empty)).toThrow(/no plan in .*npm run build -- --plan 2/);
    await rm(empty, { recursive: true });
  });

  test('names a plan file it cannot read', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'dossier-partition-'));
    await writeFile(join(broken, PARTITION_PLAN_FILE), '{"id": "cut short');
    expect(() => partitionFromEnvironment({ DOSSIER_PARTITION: '1/2' }, broken)).toThrow(
      new RegExp(`Cannot read the partition plan ${join(broken, PARTITION_PLAN_FILE)}: .*npm run build -- --plan N`),
    );
    await rm(broken, { recursive: true });
  });
});
