import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAgainIfFull } from './compile-cache.ts';

const MODULE = resolve(import.meta.dirname, 'compile-cache.ts');
const EXPECTED = resolve(import.meta.dirname, '../../node_modules/.cache/dossier-compile');

/** Runs a process that imports the module, then asks its main thread and a worker thread where their cache is. */
function cacheDirs(env: NodeJS.ProcessEnv): { main?: string; worker?: string } {
  const script = `
    await import(${JSON.stringify(MODULE)});
    const { getCompileCacheDir } = await import('node:module');
    const { Worker } = await import('node:worker_threads');
    const source = 'import { getCompileCacheDir } from "node:module"; import { parentPort } from "node:worker_threads"; parentPort.postMessage(getCompileCacheDir() ?? null);';
    const worker = new Worker(new URL('data:text/javascript,' + encodeURIComponent(source)));
    const inWorker = await new Promise((done) => worker.once('message', done));
    await worker.terminate();
    console.log(JSON.stringify({ main: getCompileCacheDir(), worker: inWorker ?? undefined }));
  `;
  const clean = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete clean[key];
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: clean, encoding: 'utf8' }));
}

describe('the compile cache of the build commands', () => {
  it('is on in the process that imports it and in the worker threads it starts', () => {
    const { main, worker } = cacheDirs({ NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined });
    // Node puts its entries in a folder named for its version, inside the one given.
    expect(main?.startsWith(EXPECTED)).toBe(true);
    expect(worker).toBe(main);
  });

  it('leaves a cache the environment names, and a cache the environment turns off, as they are', () => {
    const named = mkdtempSync(join(tmpdir(), 'compile-cache-'));
    try {
      const { main, worker } = cacheDirs({ NODE_COMPILE_CACHE: named, NODE_DISABLE_COMPILE_CACHE: undefined });
      expect(main?.startsWith(named)).toBe(true);
      expect(worker).toBe(main);
    } finally {
      rmSync(named, { recursive: true, force: true });
    }
    expect(cacheDirs({ NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual({});
  });
});

describe('startAgainIfFull', () => {
  it('removes a cache of more files than the limit, counted over every Node version, and keeps one within it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compile-cache-'));
    try {
      for (const [version, files] of [
        ['v24-a', 2],
        ['v22-b', 2],
      ] as const) {
        mkdirSync(join(dir, version));
        for (let file = 0; file < files; file++) writeFileSync(join(dir, version, String(file)), '');
      }
      startAgainIfFull(dir, 4);
      expect(existsSync(join(dir, 'v24-a', '0'))).toBe(true);
      startAgainIfFull(dir, 3);
      expect(existsSync(dir)).toBe(false);
      // No cache yet: nothing to do.
      expect(() => startAgainIfFull(dir, 3)).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
