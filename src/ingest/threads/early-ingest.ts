import { resolve } from 'node:path';
import type { DossierMessage } from '../message.ts';
import type { IngestRunOptions, IngestSummary } from '../run-ingest.ts';
import { runIngestInWorker } from './run-ingest-in-worker.ts';

/**
 * An ingest started before Astro loads, and taken over by the build's ingest
 * integration once it runs. `npm run build` starts it first thing
 * (scripts/build.ts): Astro's own start takes about a second on one core,
 * and the ingest runs meanwhile in a worker thread on the other. The two meet
 * through a global, because Astro loads the integration as a separate module
 * graph.
 */

type Listeners = Pick<IngestRunOptions, 'onMessage' | 'onProgress'>;
type Options = Omit<IngestRunOptions, keyof Listeners>;

interface StartedIngest {
  key: string;
  started: number;
  summary: Promise<IngestSummary>;
  listen(listeners: Listeners): void;
}

const STARTED = Symbol.for('dossier.started-ingest');
const slot = globalThis as { [STARTED]?: StartedIngest };

const keyOf = (options: Options): string =>
  JSON.stringify([resolve(options.documentsDir), resolve(options.entriesDir), options.defaultLanguage, options.folderSections !== false]);

export function startIngest(options: Options): void {
  const early: DossierMessage[] = [];
  let listeners: Listeners = { onMessage: (message) => early.push(message) };
  const summary = runIngestInWorker({
    ...options,
    onMessage: (message) => listeners.onMessage?.(message),
    onProgress: (done, total) => listeners.onProgress?.(done, total),
  });
  // Whoever takes it over sees a failure; until then it is not an unhandled rejection.
  summary.catch(() => {});
  slot[STARTED] = {
    key: keyOf(options),
    started: performance.now(),
    summary,
    listen(next) {
      listeners = next;
      early.splice(0).forEach((message) => next.onMessage?.(message));
    },
  };
}

/**
 * The started ingest, if it has the same options, now reporting to
 * `listeners` (diagnostics found before are passed on first); otherwise
 * undefined, once any ingest started with other options has finished, so that
 * two never write entries at once. It can be taken once.
 */
export async function takeStartedIngest(
  options: Options,
  listeners: Listeners,
): Promise<{ summary: Promise<IngestSummary>; started: number } | undefined> {
  const started = slot[STARTED];
  delete slot[STARTED];
  if (!started) return undefined;
  if (started.key !== keyOf(options)) {
    await started.summary.catch(() => {});
    return undefined;
  }
  started.listen(listeners);
  return { summary: started.summary, started: started.started };
}
