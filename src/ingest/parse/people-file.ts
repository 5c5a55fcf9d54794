import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Quotation } from '../../content/entry-schema.ts';
import { nameKey } from '../../utils/name-key.ts';
import type { MessageCollector } from '../message.ts';

/**
 * One person as the maintainer names them: the name their page shows, the
 * other spellings that mean them, and, for namesakes, the folders whose
 * documents mean this one.
 */
export interface PersonRule {
  name: string;
  aliases: string[];
  /** Folder paths below the documents folder (`sport/`); empty: everywhere. */
  in: string[];
}

/** The file, at the top of the documents folder, that names people. */
export const PEOPLE_FILES = ['people.yml', 'people.yaml'] as const;

export function isPeopleFile(source: string): boolean {
  return (PEOPLE_FILES as readonly string[]).includes(source.toLowerCase());
}

/**
 * `people.yml` → the rules it gives. Pure. A list of people:
 *
 * ```yaml
 * - name: Tony Blair            # the name his page shows
 *   aliases: [Anthony Blair, Blair]
 * - name: John Smith (footballer)
 *   aliases: [John Smith]
 *   in: [sport/]                # only documents under sport/ mean him
 * ```
 *
 * An entry that is not valid is a warning naming its line, and is left out;
 * the other entries are read.
 */
export function parsePeopleFile(text: string, report: MessageCollector): PersonRule[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, schema: 'core', prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    report.warn(
      `Expected a YAML list of people, found a syntax error: ${error.message.split('\n')[0]}; no person is renamed`,
      'invalid-people-file',
      lineCounter.linePos(error.pos[0]).line,
    );
    return [];
  }
  if (document.contents === null) return [];
  if (!isSeq(document.contents)) {
    report.warn('Expected a list of people (`- name: …`), found something else; no person is renamed', 'invalid-people-file', 1);
    return [];
  }
  const rules: PersonRule[] = [];
  for (const item of document.contents.items) {
    const line = lineCounter.linePos((item as { range?: readonly number[] }).range?.[0] ?? 0).line;
    const problem = (what: string): void => report.warn(`Expected ${what}; this person is left out`, 'invalid-people-file', line);
    if (!isMap(item)) {
      problem('an entry with `name:`');
      continue;
    }
    const value = (key: string): unknown => {
      const pair = item.items.find((entry) => isScalar(entry.key) && entry.key.value === key);
      return pair?.value === undefined || pair.value === null ? undefined : (pair.value as { toJSON(): unknown }).toJSON();
    };
    const unknown = item.items
      .map((entry) => (isScalar(entry.key) ? String(entry.key.value) : ''))
      .filter((key) => !['name', 'aliases', 'in'].includes(key));
    if (unknown.length > 0) {
      problem(`only \`name\`, \`aliases\` and \`in\`, found \`${unknown.join('`, `')}\``);
      continue;
    }
    const name = value('name');
    if (typeof name !== 'string' || name.trim() === '') {
      problem('`name` to be a text');
      continue;
    }
    const aliases = textList(value('aliases'));
    const folders = textList(value('in'));
    if (aliases === undefined) {
      problem('`aliases` to be a list of names');
      continue;
    }
    if (folders === undefined) {
      problem('`in` to be a list of folders');
      continue;
    }
    rules.push({ name: name.trim(), aliases, in: folders.map((folder) => folder.replace(/^\.?\/+/u, '').replace(/\/*$/u, '/')) });
  }
  return rules;
}

/** A list of texts, or one text; undefined when it is anything else. */
function textList(value: unknown): string[] | undefined {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value.trim()].filter(Boolean);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.map((item) => item.trim()).filter(Boolean);
  return undefined;
}

/**
 * The document's quotations with each speaker named as the people file says:
 * a rule for the document's folders first, then one for everywhere. A speaker
 * no rule names keeps the name the text gave.
 */
export function applyPeopleRules(quotations: readonly Quotation[], source: string, rules: readonly PersonRule[]): Quotation[] {
  if (rules.length === 0) return [...quotations];
  const here = rules.filter((rule) => rule.in.length > 0 && rule.in.some((folder) => source.startsWith(folder)));
  const everywhere = rules.filter((rule) => rule.in.length === 0);
  const lookup = new Map<string, string>();
  // Everywhere first, so the folder's own rules overwrite them.
  for (const rule of [...everywhere, ...here]) {
    for (const spelling of [rule.name, ...rule.aliases]) lookup.set(nameKey(spelling), rule.name);
  }
  return quotations.map((quotation) => {
    const renamed = quotation.speaker === undefined ? undefined : lookup.get(nameKey(quotation.speaker));
    return renamed === undefined ? quotation : { ...quotation, speaker: renamed };
  });
}
