import { isGeneratedEntry } from './to-mdx.ts';

export interface EntryPlan {
  /** File names to (re)write, with their new text. */
  write: Map<string, string>;
  /** File names whose text is already right. */
  unchanged: string[];
  /** Generated entries whose document is gone. */
  remove: string[];
}

/**
 * What to do to the entries folder so it holds exactly `wanted`, touching
 * nothing else: an entry the ingest did not write (no generated marker) is
 * never rewritten nor removed.
 */
export function planEntries(wanted: ReadonlyMap<string, string>, existing: ReadonlyMap<string, string>): EntryPlan {
  const plan: EntryPlan = { write: new Map(), unchanged: [], remove: [] };
  for (const [name, text] of wanted) {
    if (existing.get(name) === text) plan.unchanged.push(name);
    else plan.write.set(name, text);
  }
  for (const [name, text] of existing) {
    if (!wanted.has(name) && isGeneratedEntry(text)) plan.remove.push(name);
  }
  return plan;
}

/** Slugs held by hand-written entries, which generated ones must not take. */
export function handWrittenSlugs(existing: ReadonlyMap<string, string>): Set<string> {
  const slugs = new Set<string>();
  for (const [name, text] of existing) if (!isGeneratedEntry(text)) slugs.add(name.replace(/\.mdx?$/, ''));
  return slugs;
}
