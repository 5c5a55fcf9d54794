import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SECTIONS = [
  'SOURCE / ECONOMY',
  'SOURCE / WORLD',
  'SOURCE / TECHNOLOGY',
  'OPINION / EDITORIALS',
  'CULTURE / BOOKS',
  'SPORTS / FOOTBALL',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Writes `count` documents into `dir`: every other one is the seed article
 * with a new title, section and date; the rest are real Kaebyok articles
 * (a different, header-less layout), their titles numbered so that they
 * stay distinct, in one folder per magazine issue. With `layout: 'seed'`,
 * every document is the seed article so varied.
 */
export async function makeCorpus(
  dir: string,
  count: number,
  seedFile: string,
  corpusDir: string,
  layout: 'mixed' | 'seed' = 'mixed',
): Promise<void> {
  const seed = (await readFile(seedFile, 'utf8')).split('\n');
  const archive = layout === 'seed' ? [] : (await readdir(corpusDir)).filter((name) => name.endsWith('.txt')).sort();
  if (layout === 'mixed' && archive.length === 0) throw new Error(`No .txt documents in ${corpusDir}`);
  await mkdir(dir, { recursive: true });
  const writes: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    if (layout === 'seed' || i % 2 === 0) {
      const lines = [...seed];
      const day = (i % 28) + 1;
      lines[0] = SECTIONS[i % SECTIONS.length]!;
      lines[1] = `${lines[1]} (${i})`;
      lines[2] = `Published: ${MONTHS[i % 12]} ${String(day).padStart(2, '0')}, ${2000 + (i % 27)} ${String(1 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} PM`;
      await mkdir(join(dir, 'news'), { recursive: true });
      writes.push(writeFile(join(dir, 'news', `article-${i}.txt`), lines.join('\n')));
    } else {
      const name = archive[Math.floor(i / 2) % archive.length]!;
      const lines = (await readFile(join(corpusDir, name), 'utf8')).split('\n');
      lines[0] = `${lines[0]!.trimEnd()} (${i})`;
      const issue = join(dir, 'archive', name.slice(0, 10));
      await mkdir(issue, { recursive: true });
      writes.push(writeFile(join(issue, `${i}-${name}`), lines.join('\n')));
    }
    if (writes.length >= 64) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}
