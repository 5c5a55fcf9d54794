// The worker of pagefind-api-cost.ts: indexes the shards it is sent with Pagefind's Node API
// (its own service process, as each thread loads the package anew), one at a time.
import { mkdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { createIndex } from 'pagefind';
import { linkOrCopySync } from '../../src/utils/link-or-copy.ts';

export interface ShardJob {
  site: string;
  pages: string[];
  output: string;
  /** `files`: each page sent as text (`addHTMLFile`); `directory`: the pages linked into a folder Pagefind reads (`addDirectory`). */
  how: 'files' | 'directory';
}

async function indexShard({ site, pages, output, how }: ShardJob): Promise<void> {
  const { errors, index } = await createIndex({});
  if (!index) throw new Error(errors.join('; '));
  const staging = `${output}.in`;
  try {
    if (how === 'files') {
      // The service answers one request at a time: send every page, then wait.
      const added = await Promise.all(
        pages.map(async (page) => index.addHTMLFile({ sourcePath: page, content: await readFile(join(site, page), 'utf8') })),
      );
      const failed = added.flatMap((result) => result.errors);
      if (failed.length > 0) throw new Error(failed.join('; '));
    } else {
      for (const page of pages) {
        mkdirSync(dirname(join(staging, page)), { recursive: true });
        linkOrCopySync(join(site, page), join(staging, page));
      }
      const added = await index.addDirectory({ path: staging });
      if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    }
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
  } finally {
    await index.deleteIndex();
    await rm(staging, { recursive: true, force: true });
  }
}

parentPort?.on('message', (job: ShardJob) => {
  indexShard(job).then(
    () => parentPort!.postMessage({ ok: true }),
    (error: unknown) => parentPort!.postMessage({ ok: false, error: String(error) }),
  );
});
