import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../scripts/support/browser.ts';
import { childEnv } from './helpers/child-env.ts';

const ROOT = resolve(import.meta.dirname, '..');
let dir: string;
let documents: string;
let server: ChildProcess;
let origin: string;
let log = '';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return port;
}

async function fetchText(path: string): Promise<string> {
  const response = await fetch(new URL(path, origin));
  return response.ok ? response.text() : `HTTP ${response.status}`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-dev-'));
  documents = join(dir, 'documents');
  await mkdir(documents);
  await writeFile(
    join(documents, 'first.txt'),
    'NEWS / LOCAL\nThe first story\nPublished: Jan 08, 2026 08:28 PM\n\nIt was here from the start.\n',
  );
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: childEnv({
      DOCUMENTS_DIR: documents,
      DOSSIER_ENTRIES_DIR: join(dir, 'entries'),
      DOSSIER_CACHE_DIR: join(dir, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'development',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk: Buffer) => (log += chunk));
  server.stderr!.on('data', (chunk: Buffer) => (log += chunk));
  // Astro moves to another port when the one asked for is taken: read the one it chose.
  // (expect.poll belongs in tests; a hook polls by hand.)
  for (const deadline = Date.now() + 60_000; ;) {
    origin = /Local\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(log)?.[1] ?? origin;
    const home = await fetchText('/').catch((error: Error) => `${error.message} ${String(error.cause)}`);
    if (home.includes('The first story')) break;
    if (Date.now() > deadline) throw new Error(`The dev server did not serve the first document (${home.slice(0, 500)}):\n${log}`);
    await new Promise((done) => setTimeout(done, 250));
  }
});

afterAll(async () => {
  server?.kill();
  await rm(dir, { recursive: true, force: true });
});

describe('npm run dev', () => {
  test('shows a new document, then its edit, without a restart', async () => {
    await writeFile(
      join(documents, 'second.txt'),
      'NEWS / LOCAL\nA brand new story\nPublished: Jan 09, 2026 10:00 AM\n\nFresh text here.\n',
    );
    await expect.poll(() => fetchText('/articles/a-brand-new-story/'), { timeout: 15_000, interval: 200 }).toContain('Fresh text here.');

    await writeFile(
      join(documents, 'second.txt'),
      'NEWS / LOCAL\nA brand new story\nPublished: Jan 09, 2026 10:00 AM\n\nEdited text now.\n',
    );
    await expect.poll(() => fetchText('/articles/a-brand-new-story/'), { timeout: 15_000, interval: 200 }).toContain('Edited text now.');
  });

  test('a broken document is reported in the terminal and the browser overlay; every other page keeps working', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      // The overlay arrives over Vite's websocket: break the document only once the page listens.
      const connected = page.waitForEvent('console', {
        predicate: (message) => message.text().includes('[vite] connected'),
        timeout: 30_000,
      });
      await page.goto(new URL('/articles/the-first-story/', origin).href);
      await connected;
      await writeFile(join(documents, 'broken.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
      await expect.poll(() => log, { timeout: 15_000, interval: 200 }).toContain('broken.txt:1: error: Binary file');
      const overlay = page.locator('vite-error-overlay');
      await expect.poll(() => overlay.count(), { timeout: 15_000, interval: 200 }).toBe(1);
      expect(await overlay.evaluate((element) => element.shadowRoot?.textContent ?? '')).toContain('broken.txt:1: error: Binary file');
      await page.screenshot({ path: join(ROOT, 'test-results/screenshots/dev-overlay.png') });
      expect(await fetchText('/articles/the-first-story/')).toContain('It was here from the start.');
    } finally {
      await browser.close();
    }
  });

  test('a deleted document disappears', async () => {
    await rm(join(documents, 'second.txt'));
    await expect.poll(() => fetchText('/articles/a-brand-new-story/'), { timeout: 15_000, interval: 200 }).toBe('HTTP 404');
  });
});
