import { createHash } from 'node:crypto';
import { compareStrings } from '../utils/compare-strings.ts';

/**
 * Which partition builds which page, when a large site is built in parts
 * (`npm run build -- --partition K/N`, README "Large archives").
 *
 * Article pages are planned: balanced by count and bytes, a section's
 * documents kept together where it fits, and stable, so that an added,
 * removed or moved document moves no other document to another partition
 * (each partition keeps its own caches, which a move would make useless).
 * Every other page with parameters (a section's, a month's, a person's, a
 * tag's pages) goes where its path hashes: no plan needed, and as stable.
 */

export interface PlannedEntry {
  id: string;
  section: readonly string[];
  bytes: number;
}

export interface PartitionPlan {
  /** Partitions are numbered 1 to `count`. */
  count: number;
  /** Section keys (`JSON.stringify(section)`), referred to by index below. */
  sections: string[];
  /** Entry id → [its partition, its section's index]. */
  entries: Record<string, [partition: number, section: number]>;
}

/** A partition may grow this far past an even share before the plan starts afresh. */
export const REBALANCE_ABOVE = 1.25;
/** A new document joins its section's partition unless that partition is this far past an even share. */
const JOIN_SECTION_BELOW = 1.15;

/**
 * The plan for `entries` in `count` partitions. With the previous plan of as
 * many partitions, every document it placed stays where it was (a document
 * moved to another section follows its new section), and new ones join their
 * section's partition, or the lightest; unless the partitions have drifted
 * past `REBALANCE_ABOVE` of an even share, when the plan is made afresh.
 */
export function planPartitions(entries: readonly PlannedEntry[], count: number, previous?: PartitionPlan): PartitionPlan {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`Partitions must be a whole number from 1 up, not ${count}`);
  const weigh = weights(entries);
  if (previous && previous.count === count) {
    const kept = extendPlan(entries, count, previous, weigh);
    const loads = partitionLoads(kept, entries, weigh, count);
    if (Math.max(...loads) <= REBALANCE_ABOVE / count || entries.length < count) return kept;
  }
  return freshPlan(entries, count, weigh);
}

/** Each document's share of the work: half by count, half by bytes, summing to 1. */
function weights(entries: readonly PlannedEntry[]): (entry: PlannedEntry) => number {
  const bytes = entries.reduce((sum, entry) => sum + entry.bytes, 0);
  const n = entries.length;
  return (entry) => 0.5 / n + (bytes > 0 ? (0.5 * entry.bytes) / bytes : 0.5 / n);
}

const keyOf = (entry: PlannedEntry): string => JSON.stringify(entry.section);

function bySection(entries: readonly PlannedEntry[]): Map<string, PlannedEntry[]> {
  const groups = new Map<string, PlannedEntry[]>();
  const sorted = [...entries].sort((a, b) => compareStrings(keyOf(a), keyOf(b)) || compareStrings(a.id, b.id));
  for (const entry of sorted) {
    const key = keyOf(entry);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return groups;
}

/** How far a cut may move from an even share to fall between two sections rather than inside one. */
const SNAP_TO_SECTION = 0.1;

/**
 * Sections in order, cut into `count` runs of equal weight. Each cut falls
 * between two sections when one is within `SNAP_TO_SECTION` of a share of
 * where it would be, else inside the section there.
 */
function freshPlan(entries: readonly PlannedEntry[], count: number, weigh: (entry: PlannedEntry) => number): PartitionPlan {
  const plan = emptyPlan(count);
  const share = 1 / count;
  const groups = [...bySection(entries)];
  const boundaries: number[] = [];
  let position = 0;
  for (const [, group] of groups) {
    for (const entry of group) position += weigh(entry);
    boundaries.push(position);
  }
  const cuts = Array.from({ length: count - 1 }, (_, index) => {
    const ideal = (index + 1) * share;
    const nearest = boundaries.reduce((best, boundary) => (Math.abs(boundary - ideal) < Math.abs(best - ideal) ? boundary : best), 0);
    return Math.abs(nearest - ideal) <= SNAP_TO_SECTION * share ? nearest : ideal;
  });
  let before = 0;
  let partition = 1;
  for (const [key, group] of groups) {
    for (const entry of group) {
      const weight = weigh(entry);
      const middle = before + weight / 2;
      while (partition < count && middle > cuts[partition - 1]!) partition++;
      place(plan, entry.id, partition, key);
      before += weight;
    }
  }
  return plan;
}

function extendPlan(
  entries: readonly PlannedEntry[],
  count: number,
  previous: PartitionPlan,
  weigh: (entry: PlannedEntry) => number,
): PartitionPlan {
  const plan = emptyPlan(count);
  const loads = new Array<number>(count + 1).fill(0);
  const homes = new Map<string, Map<number, number>>();
  const arriving: PlannedEntry[] = [];
  for (const entry of [...entries].sort((a, b) => compareStrings(a.id, b.id))) {
    const was = previous.entries[entry.id];
    const key = keyOf(entry);
    if (was && previous.sections[was[1]] === key) {
      place(plan, entry.id, was[0], key);
      loads[was[0]]! += weigh(entry);
      const home = homes.get(key) ?? new Map<number, number>();
      home.set(was[0], (home.get(was[0]) ?? 0) + 1);
      homes.set(key, home);
    } else {
      arriving.push(entry);
    }
  }
  for (const entry of arriving) {
    const key = keyOf(entry);
    const home = mostOf(homes.get(key));
    const lightest = loads.slice(1).indexOf(Math.min(...loads.slice(1))) + 1;
    const partition = home !== undefined && loads[home]! < JOIN_SECTION_BELOW / count ? home : lightest;
    place(plan, entry.id, partition, key);
    loads[partition]! += weigh(entry);
    const counts = homes.get(key) ?? new Map<number, number>();
    counts.set(partition, (counts.get(partition) ?? 0) + 1);
    homes.set(key, counts);
  }
  return plan;
}

/** The partition holding most of a section's documents (the lower one on a tie). */
function mostOf(counts: Map<number, number> | undefined): number | undefined {
  let best: number | undefined;
  for (const [partition, n] of counts ?? []) {
    if (best === undefined || n > counts!.get(best)! || (n === counts!.get(best)! && partition < best)) best = partition;
  }
  return best;
}

function emptyPlan(count: number): PartitionPlan {
  return { count, sections: [], entries: {} };
}

const sectionIndexes = new WeakMap<PartitionPlan, Map<string, number>>();

function place(plan: PartitionPlan, id: string, partition: number, key: string): void {
  let indexes = sectionIndexes.get(plan);
  if (!indexes) sectionIndexes.set(plan, (indexes = new Map(plan.sections.map((section, index) => [section, index]))));
  let index = indexes.get(key);
  if (index === undefined) {
    index = plan.sections.push(key) - 1;
    indexes.set(key, index);
  }
  plan.entries[id] = [partition, index];
}

/** Each partition's share of the work (index 0 unused). */
export function partitionLoads(
  plan: PartitionPlan,
  entries: readonly PlannedEntry[],
  weigh = weights(entries),
  count = plan.count,
): number[] {
  const loads = new Array<number>(count + 1).fill(0);
  for (const entry of entries) loads[plan.entries[entry.id]![0]]! += weigh(entry);
  return loads.slice(1);
}

/** The partition of a page that is not an article's: where its path hashes. */
export function pagePartition(path: string, count: number): number {
  return (createHash('sha256').update(path).digest().readUInt32BE(0) % count) + 1;
}
