import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';

interface Workflow {
  on: { push: { branches: string[] } };
  permissions: Record<string, string>;
  jobs: Record<
    string,
    { needs?: string; steps: { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }[] }
  >;
}

const workflow = parse(readFileSync(join(import.meta.dirname, '../.github/workflows/deploy.yml'), 'utf8')) as Workflow;
const steps = (job: string) => workflow.jobs[job]!.steps;

test('the deploy workflow tests, builds and deploys on every push to main, in that order', () => {
  expect(workflow.on.push.branches).toEqual(['main']);
  expect(Object.keys(workflow.jobs)).toEqual(['test', 'build', 'deploy']);
  expect(workflow.jobs.build!.needs).toBe('test');
  expect(workflow.jobs.deploy!.needs).toBe('build');
  expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
});

test('it uses the official actions and the README commands', () => {
  expect(
    steps('test')
      .map((step) => step.run)
      .filter(Boolean),
  ).toEqual(expect.arrayContaining(['npm ci', 'npm test']));
  const build = steps('build');
  expect(build.map((step) => step.uses?.replace(/@.*/, ''))).toEqual(
    expect.arrayContaining(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/upload-pages-artifact']),
  );
  const buildStep = build.find((step) => step.run === 'npm run build')!;
  // The Pages URL and base path come from configure-pages, so every link resolves on a project site.
  expect(buildStep.env).toMatchObject({
    SITE_URL: '${{ steps.pages.outputs.origin }}',
    BASE_PATH: '${{ steps.pages.outputs.base_path }}/',
  });
  expect(build.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))?.with).toEqual({ path: 'dist' });
  expect(steps('deploy').map((step) => step.uses?.replace(/@.*/, ''))).toEqual(['actions/deploy-pages']);
});
