import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pagePartition, type PartitionPlan } from './partition-plan.ts';
import { entriesDir } from '../config.ts';

/**
 * The partition this build renders, when it renders one
 * (`npm run build -- --partition K/N` sets `DOSSIER_PARTITION=K/N`): which
 * article pages and which other pages are its own. Its pages read the other
 * partitions' entries from the navigation manifest, so a page comes out byte
 * for byte as a whole build writes it; only its own entries are loaded whole.
 */

/** Beside the entries: the plan the partitions of one build share (written by `--plan`, scripts/support/partitions.ts). */
export const PARTITION_PLAN_FILE = 'partition-plan.json';

export interface PlanFile extends PartitionPlan {
  /** Names the plan and the entries it was made for: partitions of two plans are not merged. */
  id: string;
}

export interface Partition {
  /** 1 to `count`. */
  index: number;
  count: number;
  planId: string;
  ownsArticle: (id: string) => boolean;
  /** Whether a page other than an article's, by its path (`/people/ada/2/`), is this partition's. */
  ownsPage: (path: string) => boolean;
}

/** `3/8` → partition 3 of 8. */
export function parsePartition(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count) {
    throw new Error(`A partition is K/N with 1 ≤ K ≤ N (--partition 2/4), not "${text}"`);
  }
  return { index, count };
}

export function readPlanFile(entriesDir: string): PlanFile | undefined {
  const file = join(entriesDir, PARTITION_PLAN_FILE);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PlanFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(
      `Cannot read the partition plan ${file}: ${(error as Error).message}; make it again with \`npm run build -- --plan N\``,
      {
        cause: error,
      },
    );
  }
}

/** The partition `DOSSIER_PARTITION` names, checked against the plan beside the entries; undefined for a whole build. */
export function partitionFromEnvironment(env: NodeJS.ProcessEnv, entriesDir: string): Partition | undefined {
  if (!env.DOSSIER_PARTITION) return undefined;
  const { index, count } = parsePartition(env.DOSSIER_PARTITION);
  const plan = readPlanFile(entriesDir);
  const file = join(entriesDir, PARTITION_PLAN_FILE);
  if (!plan) throw new Error(`Partition ${index}/${count}: no plan in ${file}; make it first with \`npm run build -- --plan ${count}\``);
  if (plan.count !== count)
    throw new Error(`Partition ${index}/${count}: the plan in ${file} is for ${plan.count} partitions, not ${count}`);
  return {
    index,
    count,
    planId: plan.id,
    ownsArticle: (id) => plan.entries[id]?.[0] === index,
    ownsPage: (path) => pagePartition(path, count) === index,
  };
}

let current: Partition | undefined | null = null;
/** This build's partition (read once). */
export function currentPartition(): Partition | undefined {
  if (current === null) current = partitionFromEnvironment(process.env, entriesDir());
  return current;
}

/** The paths of a route that this build renders: all of them, or its partition's share. */
export function ownPaths<T extends { params: Record<string, string | undefined> }>(route: string, paths: T[]): T[] {
  return currentPartition() ? paths.filter(({ params }) => ownsPath(route, Object.values(params))) : paths;
}

/** Whether this build renders the page of a route at these path segments (`'people', ['ada/page/2']`). */
export function ownsPath(route: string, segments: ReadonlyArray<string | undefined>): boolean {
  return currentPartition()?.ownsPage(`/${[route, ...segments].filter(Boolean).join('/')}/`) ?? true;
}
