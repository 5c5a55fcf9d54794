import { fileStem } from '../../utils/file-stem.ts';
import { calendarDate } from './dates.ts';

/** What a document's path says about it, read as Jekyll, Hugo and Docusaurus read theirs. */
export interface PathFacts {
  /** A date at the start of the file name, or in the folders (`2018/04/20/x.txt`, `2021-08-26-welcome/index.md`). */
  date?: string;
  /** The title the name gives: the date and any order number dropped, separators made spaces. */
  title: string;
  /** The folders that are sections, outermost first, as written (date folders and a dated post folder are not). */
  folders: string[];
  /** Their paths below the documents folder (`android`, `android/architecture`), to find their descriptions. */
  folderPaths: string[];
  /** The order number a name starts with (`02-setup.md`), when it has one. */
  order?: number;
  /** In Jekyll's `_drafts` folder. */
  draft?: boolean;
}

// `2023-07-14-harbour`, `1921-08-01_25`, `2023-07-14`, `20180420-x`, `2023_07_14 notes`.
const DATED_NAME = /^(\d{4})([-_.]?)(\d{2})\2(\d{2})(?:$|[-_.\s]+(.*)$)/;
const YEAR = /^\d{4}$/;
const MONTH_OR_DAY = /^\d{1,2}$/;
// `02-setup`, `10_reference`, `3. Usage`: Docusaurus and many docs trees order by a number prefix.
// Up to three digits: a four-digit prefix is a year (`2023 report`), not an order.
const NUMBERED = /^(\d{1,3})[-_.\s]+(.*\S.*)$/;
// Names of a folder's own page: their title comes from the folder.
const INDEX_NAMES = new Set(['index', 'readme', '_index']);
// Jekyll's post folders: a post's categories are the folders above them, never these.
const POST_FOLDERS = new Set(['_posts', '_drafts']);

/** A source path (`news/2023/07/14/harbour.md`) → the facts its folders and name give. Pure. */
export function readDocumentPath(source: string): PathFacts {
  const parts = source.split('/');
  const stem = fileStem(parts.pop()!);
  const draft = parts.some((part) => part === '_drafts');
  const allPaths = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
  const kept = parts.map((part) => !POST_FOLDERS.has(part));
  const folders = parts.filter((_, index) => kept[index]);
  const paths = allPaths.filter((_, index) => kept[index]);

  let date: string | undefined;
  let title: string | undefined;
  let order: number | undefined;

  // An index page takes its name from its folder; a dated folder (`2021-08-26-welcome/index.md`) is the post itself.
  const ownFolder = INDEX_NAMES.has(stem.toLowerCase()) ? folders.at(-1) : undefined;
  const dated = DATED_NAME.exec(stem) ?? (ownFolder ? DATED_NAME.exec(ownFolder) : null);
  if (dated) {
    date = calendarDate(Number(dated[1]), Number(dated[3]), Number(dated[4]));
    if (date) {
      const rest = dated[5]?.trim() ?? '';
      // `1921-08-01_25`: a bare number after the date is an issue's article number, not a title.
      title = rest === '' || /^\d+$/.test(rest) ? (ownFolder && DATED_NAME.test(ownFolder) ? ownFolder : stem) : nameToTitle(rest);
      if (ownFolder && DATED_NAME.test(ownFolder)) {
        folders.pop();
        paths.pop();
      }
    }
  }

  // `2018/04/20/x.txt`, `2018/04/x.txt`: date folders give the date and are not sections.
  const yearAt = folders.findIndex((folder) => YEAR.test(folder));
  if (yearAt !== -1) {
    const month = folders[yearAt + 1];
    const day = folders[yearAt + 2];
    if (month !== undefined && MONTH_OR_DAY.test(month)) {
      const dayIsDate = day !== undefined && MONTH_OR_DAY.test(day);
      const fromFolders = calendarDate(Number(folders[yearAt]), Number(month), dayIsDate ? Number(day) : 1);
      if (fromFolders) {
        date ??= dayIsDate ? fromFolders : undefined;
        const count = dayIsDate ? 3 : 2;
        folders.splice(yearAt, count);
        paths.splice(yearAt, count);
      }
    }
  }

  // A folder named by a date (`kaebyok/1920-06-25/x.txt`, one folder per issue) dates what it holds; it stays a section.
  for (let index = folders.length - 1; index >= 0 && date === undefined; index--) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(folders[index]!);
    if (match) date = calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  }

  if (title === undefined) {
    const named = ownFolder ?? stem;
    const numbered = DATED_NAME.test(named) ? null : NUMBERED.exec(named);
    if (numbered && !ownFolder) order = Number(numbered[1]);
    title = numbered ? nameToTitle(numbered[2]!) : ownFolder ? folderTitle(ownFolder) : stem;
  }
  return { ...(date && { date }), title, folders, folderPaths: paths, ...(order !== undefined && { order }), ...(draft && { draft }) };
}

/**
 * A folder's name → the section title readers see: an order number dropped,
 * separators made spaces, a lowercase first letter capitalised; a name in a
 * script without case (`体育`) stays as written.
 */
export function folderTitle(name: string): string {
  const numbered = NUMBERED.exec(name);
  return nameToTitle(numbered && !DATED_NAME.test(name) ? numbered[2]! : name);
}

/** The order number a folder's name starts with, if any (`04-ai-sdk-ui` → 4). */
export function folderOrder(name: string): number | undefined {
  const numbered = NUMBERED.exec(name);
  return numbered && !DATED_NAME.test(name) ? Number(numbered[1]) : undefined;
}

/** `qa-what-it-is_like` → `Qa what it is like`. */
export function nameToTitle(name: string): string {
  const spaced = name.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (spaced === '') return name;
  const first = spaced.charAt(0);
  return first === first.toLocaleLowerCase('en') && first !== first.toLocaleUpperCase('en')
    ? first.toLocaleUpperCase('en') + spaced.slice(1)
    : spaced;
}

/**
 * The section a document's folders make, each folder named by its
 * description's title when it has one (`_category_.json` `label`), else by
 * its own name (`tutorial-basics` → `Tutorial basics`).
 */
export function folderSection(
  facts: Pick<PathFacts, 'folders' | 'folderPaths'>,
  descriptions: Readonly<Record<string, { title?: string }>> = {},
): string[] {
  return facts.folders.map((folder, index) => descriptions[facts.folderPaths[index]!]?.title ?? folderTitle(folder));
}
