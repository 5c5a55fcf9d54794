import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, type Message } from 'html-validate';
import { listFiles } from './site-files.ts';

export interface HtmlProblem {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
}

/**
 * Runs html-validate over every page of a built site with the project's
 * `.htmlvalidate.json` (the recommended rules; `long-title` is off because a
 * page's title is its document's title, which can be long and must not be cut).
 * `npx html-validate dist` runs the same check by hand.
 */
export async function validateSite(dist: string): Promise<{ problems: HtmlProblem[]; files: number }> {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const root = resolve(import.meta.dirname, '../..');
  const files = await listFiles(dist, '.html');
  const problems: HtmlProblem[] = [];
  for (const file of files) {
    const html = await readFile(join(dist, file), 'utf8');
    // Validated as if it sat in the project root, so the project's configuration applies.
    const report = await validator.validateString(html, join(root, 'page.html'));
    for (const result of report.results) {
      for (const message of result.messages as Message[]) {
        if (message.severity < 2) continue;
        problems.push({ file, line: message.line, column: message.column, ruleId: message.ruleId, message: message.message });
      }
    }
  }
  return { problems, files: files.length };
}
