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
 * never rewritten nor removed. An undefined text in `wanted` keeps the entry
 * as it is; in `existing`, it is an entry the ingest wrote and left unread.
 */
export function planEntries(wanted: ReadonlyMap<string, string | undefined>, existing: ReadonlyMap<string, string | undefined>): EntryPlan {
  const plan: EntryPlan = { write: new Map(), unchanged: [], remove: [] };
  for (const [name, text] of wanted) {
    if (text === undefined || existing.get(name) === text) plan.unchanged.push(name);
    else plan.write.set(name, text);
  }
  for (const [name, text] of existing) {
    if (!wanted.has(name) && (text === undefined || isGeneratedEntry(text))) plan.remove.push(name);
  }
  return plan;
}

/** Slugs held by hand-written entries, which generated ones must not take. */
export function handWrittenSlugs(existing: ReadonlyMap<string, string | undefined>): Set<string> {
  const slugs = new Set<string>();
  for (const [name, text] of existing) if (text !== undefined && !isGeneratedEntry(text)) slugs.add(name.replace(/\.mdx?$/, ''));
  return slugs;
}
