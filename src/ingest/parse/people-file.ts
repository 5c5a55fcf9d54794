import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
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
  // Values with YAML's anchors and aliases (`aliases: *blairs`) resolved.
  const values = document.toJS() as unknown[];
  const claimed = new Map<string, string>(); // a spelling → the person it already means
  document.contents.items.forEach((item, index) => {
    const rule = readRule(item, values[index], lineCounter, report);
    if (!rule) return;
    for (const spelling of [rule.name, ...rule.aliases]) {
      const key = `${nameKey(spelling)} ${rule.in.join(',')}`;
      const other = claimed.get(key);
      if (other !== undefined && other !== rule.name) {
        const line = lineCounter.linePos((item as { range?: readonly number[] }).range?.[0] ?? 0).line;
        report.warn(
          `\`${spelling}\` already means ${other}; here it is left out, so it keeps meaning ${other}`,
          'invalid-people-file',
          line,
        );
        rule.aliases = rule.aliases.filter((alias) => alias !== spelling);
      } else claimed.set(key, rule.name);
    }
    rules.push(rule);
  });
  return rules;
}

function readRule(item: unknown, data: unknown, lineCounter: LineCounter, report: MessageCollector): PersonRule | undefined {
  const line = lineCounter.linePos((item as { range?: readonly number[] }).range?.[0] ?? 0).line;
  const problem = (what: string): undefined => {
    report.warn(`Expected ${what}; this person is left out`, 'invalid-people-file', line);
    return undefined;
  };
  if (!isMap(item) || data === null || typeof data !== 'object' || Array.isArray(data)) return problem('an entry with `name:`');
  const fields = data as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !['name', 'aliases', 'in'].includes(key));
  if (unknown.length > 0) return problem(`only \`name\`, \`aliases\` and \`in\`, found \`${unknown.join('`, `')}\``);
  const name = fields.name;
  if (typeof name !== 'string' || name.trim() === '') return problem('`name` to be a text');
  const aliases = textList(fields.aliases ?? undefined);
  if (aliases === undefined) return problem('`aliases` to be a list of names');
  const folders = textList(fields.in ?? undefined);
  if (folders === undefined) return problem('`in` to be a list of folders');
  const paths = folders.map((folder) => folder.replace(/^\.?\/+/u, '').replace(/\/*$/u, '/'));
  if (paths.some((path) => path === '/' || path.startsWith('../')))
    return problem('`in` to name folders below the documents folder (`sport/`)');
  return { name: name.trim(), aliases, in: paths };
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
