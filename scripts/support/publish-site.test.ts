import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { publishSite, recoverSite, stagingDir } from './publish-site.ts';

let root: string;
let site: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-publish-'));
  site = join(root, 'dist');
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function writeSite(dir: string, text: string): Promise<void> {
  await mkdir(join(dir, 'pagefind'), { recursive: true });
  await writeFile(join(dir, 'index.html'), text);
  await writeFile(join(dir, 'pagefind', 'pagefind.js'), text);
}

describe('publishSite and recoverSite', () => {
  test('the first build publishes its folder as the site', async () => {
    await writeSite(stagingDir(site), 'new');
    await publishSite(site);
    expect(await readFile(join(site, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(stagingDir(site))).toBe(false);
  });

  test('a later build replaces the whole site, and leaves nothing beside it', async () => {
    await writeSite(site, 'old');
    await writeFile(join(site, 'removed-page.html'), 'old');
    await writeSite(stagingDir(site), 'new');
    await publishSite(site);
    expect(await readFile(join(site, 'pagefind', 'pagefind.js'), 'utf8')).toBe('new');
    expect(existsSync(join(site, 'removed-page.html'))).toBe(false);
    // The old site is removed by a process of its own, which the build does not wait for.
    const beside = (await readdir(root)).filter((name) => name !== 'dist');
    expect(beside.every((name) => /^dist\.removing-\d+-\d+$/.test(name))).toBe(true);
    await expect.poll(() => readdir(root), { timeout: 10_000 }).toEqual(['dist']);
  });

  test('an old site whose removal stopped is removed by the next build, one still being removed is not', async () => {
    await writeSite(site, 'current');
    const abandoned = join(root, `dist.removing-999999999-${Date.now() - 3_600_000}`);
    const ours = join(root, `dist.removing-${process.pid}-${Date.now()}`);
    await writeSite(abandoned, 'old');
    await writeSite(ours, 'old');
    expect(await recoverSite(site)).toEqual([]);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(ours)).toBe(true);
    expect(await readFile(join(site, 'index.html'), 'utf8')).toBe('current');
  });

  test('a stopped build leaves a half-written folder: the next one removes it and the site is untouched', async () => {
    await writeSite(site, 'old');
    await mkdir(stagingDir(site));
    await writeFile(join(stagingDir(site), 'index.html'), 'half');
    expect(await recoverSite(site)).toEqual([expect.stringContaining('the unfinished output of a build that stopped')]);
    expect(existsSync(stagingDir(site))).toBe(false);
    expect(await readFile(join(site, 'index.html'), 'utf8')).toBe('old');
  });

  test('a build stopped between the two renames: the last good site is moved back', async () => {
    await writeSite(`${site}.previous`, 'old');
    expect(await recoverSite(site)).toEqual([expect.stringContaining('Restored the last good site')]);
    expect(await readFile(join(site, 'index.html'), 'utf8')).toBe('old');
  });

  test('nothing to recover says nothing', async () => {
    await writeSite(site, 'old');
    expect(await recoverSite(site)).toEqual([]);
  });
});
