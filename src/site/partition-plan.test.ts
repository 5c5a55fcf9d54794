import { describe, expect, test } from 'vitest';
import { pagePartition, partitionLoads, planPartitions, type PartitionPlan, type PlannedEntry } from './partition-plan.ts';

/** A seeded archive: sections of very different sizes (one is a third of it), documents of 1–40 KB. */
function archive(n: number, seed = 1): PlannedEntry[] {
  let state = seed;
  const random = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, (_, index) => {
    const pick = random();
    const section =
      pick < 0.33 ? ['News'] : pick < 0.5 ? ['Opinion', `Column ${Math.floor(random() * 3)}`] : [`Section ${Math.floor(random() * 40)}`];
    return { id: `doc-${String(index).padStart(5, '0')}`, section, bytes: 1000 + Math.floor(random() * 39_000) };
  });
}

const partitionOf = (plan: PartitionPlan): Map<string, number> =>
  new Map(Object.entries(plan.entries).map(([id, [partition]]) => [id, partition]));

/** Documents of both plans that are in a different partition in the second. */
function moved(before: PartitionPlan, after: PartitionPlan, except: string[] = []): string[] {
  const old = partitionOf(before);
  return [...partitionOf(after)]
    .filter(([id, partition]) => old.has(id) && old.get(id) !== partition && !except.includes(id))
    .map(([id]) => id);
}

describe('planPartitions', () => {
  const entries = archive(3000);

  test('balances the partitions by documents and bytes', () => {
    const plan = planPartitions(entries, 4);
    const loads = partitionLoads(plan, entries);
    expect(loads).toHaveLength(4);
    for (const load of loads) expect(load).toBeGreaterThan(0.2);
    for (const load of loads) expect(load).toBeLessThan(0.3);
    const counts = [1, 2, 3, 4].map((k) => Object.values(plan.entries).filter(([partition]) => partition === k).length);
    for (const count of counts) expect(count).toBeGreaterThan(3000 / 4 / 1.3);
  });

  test('keeps a section that fits in one partition whole', () => {
    const plan = planPartitions(entries, 4);
    const bySection = new Map<string, Set<number>>();
    for (const [partition, section] of Object.values(plan.entries)) {
      const key = plan.sections[section]!;
      bySection.set(key, (bySection.get(key) ?? new Set()).add(partition));
    }
    expect(bySection.get(JSON.stringify(['Section 7']))?.size).toBe(1);
    expect(bySection.get(JSON.stringify(['Opinion', 'Column 1']))?.size).toBe(1);
    // A third of the archive cannot fit in a quarter: it is cut.
    expect(bySection.get(JSON.stringify(['News']))!.size).toBeGreaterThan(1);
    const split = [...bySection.values()].filter((partitions) => partitions.size > 1).length;
    expect(split).toBeLessThanOrEqual(4);
  });

  test('is the same whatever order the documents come in', () => {
    expect(planPartitions([...entries].reverse(), 4)).toEqual(planPartitions(entries, 4));
  });

  test('an added document moves no other', () => {
    const before = planPartitions(entries, 4);
    const added = [
      ...entries,
      { id: 'aaa-new', section: ['Section 7'], bytes: 5000 },
      { id: 'zzz-new', section: ['Brand new'], bytes: 5000 },
    ];
    const after = planPartitions(added, 4, before);
    expect(moved(before, after)).toEqual([]);
    // It joins its section's partition.
    expect(after.entries['aaa-new']![0]).toBe(before.entries[entries.find((entry) => entry.section[0] === 'Section 7')!.id]![0]);
    expect(after.entries['zzz-new']).toBeDefined();
  });

  test('a removed document moves no other', () => {
    const before = planPartitions(entries, 4);
    const after = planPartitions(entries.slice(1), 4, before);
    expect(moved(before, after)).toEqual([]);
    expect(after.entries[entries[0]!.id]).toBeUndefined();
  });

  test('a document moved to another section follows it, and moves no other', () => {
    const before = planPartitions(entries, 4);
    const target = entries.find((entry) => entry.section[0] === 'Section 3')!;
    const mover = entries.find((entry) => before.entries[entry.id]![0] !== before.entries[target.id]![0])!;
    const after = planPartitions(
      entries.map((entry) => (entry === mover ? { ...entry, section: ['Section 3'] } : entry)),
      4,
      before,
    );
    expect(moved(before, after, [mover.id])).toEqual([]);
    expect(after.entries[mover.id]![0]).toBe(before.entries[target.id]![0]);
  });

  test('a thousand additions one at a time keep every earlier document in place and the partitions within bounds', () => {
    let plan = planPartitions(entries.slice(0, 2000), 4);
    const first = plan;
    for (let n = 2050; n <= 3000; n += 50) plan = planPartitions(entries.slice(0, n), 4, plan);
    expect(moved(first, plan)).toEqual([]);
    for (const load of partitionLoads(plan, entries)) expect(load).toBeLessThanOrEqual(1.25 / 4);
  });

  test('starts afresh when the partitions have drifted too far apart', () => {
    const small = entries.slice(0, 400);
    const before = planPartitions(small, 4);
    // Everything new lands in one section of one partition's: past the bound, the plan is made again.
    const flood = Array.from({ length: 4000 }, (_, index) => ({ id: `flood-${index}`, section: ['Section 7'], bytes: 20_000 }));
    const after = planPartitions([...small, ...flood], 4, before);
    for (const load of partitionLoads(after, [...small, ...flood])) expect(load).toBeLessThan(0.3);
  });

  test('a plan of another partition count is not extended', () => {
    const three = planPartitions(entries, 3);
    expect(planPartitions(entries, 4, three)).toEqual(planPartitions(entries, 4));
  });

  test('refuses a partition count that is not a whole number from 1 up', () => {
    expect(() => planPartitions(entries, 0)).toThrow(/whole number/);
    expect(() => planPartitions(entries, 2.5)).toThrow(/whole number/);
  });
});

describe('pagePartition', () => {
  test('spreads paths over every partition, always the same way', () => {
    const paths = Array.from({ length: 400 }, (_, index) => `/people/person-${index}/`);
    const counts = new Map<number, number>();
    for (const path of paths) counts.set(pagePartition(path, 4), (counts.get(pagePartition(path, 4)) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4]);
    for (const count of counts.values()) expect(count).toBeGreaterThan(60);
    expect(paths.map((path) => pagePartition(path, 4))).toEqual(paths.map((path) => pagePartition(path, 4)));
  });
});
