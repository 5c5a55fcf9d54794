import { resolve, sep } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ErrorPayload, ViteDevServer } from 'vite';
import { formatMessage, type DossierMessage } from '../ingest/message.ts';
import { progressReporter } from '../ingest/progress.ts';
import { takeStartedIngest } from '../ingest/threads/early-ingest.ts';
import type { IngestRunOptions, IngestSummary } from '../ingest/run-ingest.ts';
import { formatSummary } from '../ingest/summary.ts';
import { runIngestInWorker } from '../ingest/threads/run-ingest-in-worker.ts';

export interface IngestIntegrationOptions {
  documentsDir: string;
  entriesDir: string;
  defaultLanguage: string;
  folderSections: boolean;
  /** Fail the build on any diagnostic (`STRICT=1`). */
  strict: boolean;
  /** Progress lines in CI logs too (`--verbose`). */
  verbose: boolean;
  /** The entries are ready (a partition of a site built in parts, whose plan step ingested). */
  skip?: boolean;
}

/**
 * Runs the ingest as the first step of `astro build` and `astro dev`, and in
 * dev re-runs it whenever a document is added, changed or deleted: the
 * content layer then picks up the rewritten entries and the browser reloads.
 * A document that fails shows its diagnostic in the terminal and in the
 * browser's error overlay; every other page keeps working.
 */
export function ingestIntegration(options: IngestIntegrationOptions): AstroIntegration {
  const documentsDir = resolve(options.documentsDir);
  let started = 0;
  let summary: IngestSummary | undefined;
  /** The overlay of the last broken document, until that document is saved again without a problem. */
  let standing: ErrorPayload['err'] | undefined;

  /**
   * The first ingest runs in a worker thread (run-ingest-in-worker.ts), or is
   * the one `npm run build` started before Astro loaded (early-ingest.ts);
   * the dev server's re-ingests of a few changed documents run here.
   */
  const ingest = async (
    logger: AstroIntegrationLogger,
    onMessage: (message: DossierMessage) => void,
    where: 'worker' | 'here',
  ): Promise<IngestSummary> => {
    const progress = progressReporter('Ingesting documents:', { verbose: options.verbose });
    const listeners = { onMessage, onProgress: progress.update };
    const { documentsDir, entriesDir, defaultLanguage, folderSections } = options;
    const settings = { documentsDir, entriesDir, defaultLanguage, folderSections };
    const taken = where === 'worker' ? await takeStartedIngest(settings, listeners) : undefined;
    const begun = taken?.started ?? performance.now();
    // The parsers load here only for the dev server's re-ingests: a build's ingest runs in a worker.
    const here = async (run: IngestRunOptions) => (await import('../ingest/run-ingest.ts')).runIngest(run);
    const run = taken?.summary ?? (where === 'worker' ? runIngestInWorker : here)({ ...settings, ...listeners });
    const result = await run;
    logger.info(`${formatSummary(result, options.documentsDir)} (${((performance.now() - begun) / 1000).toFixed(1)} s)`);
    return result;
  };

  return {
    name: 'dossier-ingest',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        started = performance.now();
        if ((command !== 'build' && command !== 'dev') || options.skip) return;
        summary = await ingest(logger, (message) => logger.warn(formatMessage(message)), 'worker');
        if (summary.shallowHistory) {
          logger.warn(
            "The documents' repository is a shallow clone, so a document last changed before its oldest commit shows that commit's date as its last update. Clone with full history (actions/checkout: fetch-depth: 0).",
          );
        }
        if (command === 'build' && options.strict && summary.messages.length > 0) {
          throw new Error(`STRICT: the ingest reported ${summary.messages.length} diagnostics (see above); failing the build.`);
        }
      },

      'astro:server:setup': ({ server, logger }) => {
        server.watcher.add(documentsDir);
        // A page opened (or reloaded) while a document is broken still shows the overlay.
        server.ws.on('connection', () => {
          if (standing) server.ws.send({ type: 'error', err: standing });
        });
        let timer: NodeJS.Timeout | undefined;
        let running: Promise<unknown> = Promise.resolve();
        const changed = new Set<string>();
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(documentsDir + sep)) return;
          changed.add(
            path
              .slice(documentsDir.length + 1)
              .split(sep)
              .join('/'),
          );
          // Editors write a file in several steps: wait for them to settle.
          clearTimeout(timer);
          timer = setTimeout(() => {
            const files = new Set(changed);
            changed.clear();
            running = running.then(() => reingest(server, logger, files));
          }, 150);
        });
      },

      'astro:build:done': ({ pages }) => {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        if (options.skip) {
          console.log(`Built ${pages.length.toLocaleString('en')} pages in ${seconds} s.`);
          return;
        }
        const documents = summary?.documents ?? 0;
        const warnings = (summary?.warnings ?? 0) + (summary?.errors ?? 0);
        // The one line a build always ends with, even when CI logs are quiet.
        console.log(
          `Built ${documents.toLocaleString('en')} document${documents === 1 ? '' : 's'} into ${pages.length.toLocaleString('en')} pages, ${warnings} diagnostics, in ${seconds} s.`,
        );
      },
    },
  };

  async function reingest(server: ViteDevServer, logger: AstroIntegrationLogger, files: Set<string>): Promise<void> {
    const problems: DossierMessage[] = [];
    await ingest(
      logger,
      (message) => {
        if (!files.has(message.file)) return;
        logger.warn(formatMessage(message));
        problems.push(message);
      },
      'here',
    );
    const first = problems.find((message) => message.fatal) ?? problems[0];
    if (first) {
      // Vite's error overlay: the page shows what is wrong with the document just saved.
      standing = {
        message: problems.map(formatMessage).join('\n'),
        stack: '',
        plugin: 'dossier-ingest',
        id: resolve(documentsDir, first.file),
        loc: { file: resolve(documentsDir, first.file), line: first.line ?? 1, column: 1 },
      };
      server.hot.send({ type: 'error', err: standing });
    } else if (standing && [...files].some((file) => standing?.id === resolve(documentsDir, file))) {
      standing = undefined;
    }
  }
}
