// The reference a user would pick instead of Dossier: Hugo, then Pagefind on its output, over
// the same documents converted by a few lines (below). Used by `npm run bench` when Debian's
// `hugo` is installed; its time is only compared within one run (a ratio), as the machine is noisy.
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pagefindBinary } from '../../src/search/build/pagefind-run.ts';

export interface HugoRun {
  hugo: number;
  pagefind: number;
  pages: number;
}

/** Hugo's version line, or undefined when it is not installed. */
export function hugoVersion(): string | undefined {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** A documentation-style theme in four templates: a sidebar of sections, lists of 20, articles with newer/older links. */
const LAYOUTS: Record<string, string> = {
  '_default/baseof.html': `<!doctype html>
<html lang="{{ site.LanguageCode }}"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title></head>
<body><nav><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a><ul>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ len .RegularPagesRecursive }}</li>{{ end }}</ul></nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>`,
  '_default/single.html': `{{ define "main" }}<article data-pagefind-body><h1>{{ .Title }}</h1>{{ with .Date }}<time>{{ .Format "January 2, 2006" }}</time>{{ end }}{{ .Content }}</article>
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .RegularPagesRecursive 20).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ template "_internal/pagination.html" . }}{{ end }}`,
  'index.html': `{{ define "main" }}<ul>{{ range first 20 site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`,
};

const PUBLISHED = /^Published:\s*(.+)$/m;

/** One plain-text document as Hugo Markdown: its first line that is not a section line is the title. */
function toHugo(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const published = PUBLISHED.exec(text)?.[1];
  const time = published ? Date.parse(published) : NaN;
  const date = Number.isNaN(time) ? undefined : new Date(time);
  const rest = lines.filter((line) => !PUBLISHED.test(line));
  // Seed layout: `SECTION / NAME`, then the title; other documents start with their title.
  const start = /^[A-Z ]+\/[A-Z ]+$/.test(rest[0]?.trim() ?? '') ? 1 : 0;
  const title = rest[start]?.trim() || 'Untitled';
  const body = rest.slice(start + 1).join('\n');
  return `---\ntitle: ${JSON.stringify(title)}\n${date ? `date: ${date.toISOString()}\n` : ''}---\n\n${body}\n`;
}

async function timed(command: string, args: string[], cwd: string): Promise<number> {
  const started = performance.now();
  await new Promise<void>((done, fail) =>
    spawn(command, args, { cwd, stdio: 'ignore' }).on('close', (code) =>
      code === 0 ? done() : fail(new Error(`${command} exited with ${code}`)),
    ),
  );
  return (performance.now() - started) / 1000;
}

/** Converts `documents` into a Hugo site in `work`, then times `hugo` and `pagefind --site public`. */
export async function hugoReference(documents: string, work: string): Promise<HugoRun> {
  await rm(work, { recursive: true, force: true });
  for (const [file, text] of Object.entries(LAYOUTS)) {
    await mkdir(dirname(join(work, 'layouts', file)), { recursive: true });
    await writeFile(join(work, 'layouts', file), text);
  }
  await writeFile(
    join(work, 'config.toml'),
    'title = "Reference"\nlanguageCode = "en"\nbaseURL = "/"\ndisableKinds = ["taxonomy", "term", "RSS"]\n',
  );
  for (const entry of await readdir(documents, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.txt')) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(work, 'content', relative(documents, source).replace(/\.txt$/, '.md'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, toHugo(await readFile(source, 'utf8')));
  }
  const hugo = await timed('hugo', ['--quiet', '--destination', 'public'], work);
  const pagefind = await timed(pagefindBinary(), ['--site', 'public', '--silent'], work);
  const pages = (await readdir(join(work, 'public'), { recursive: true })).filter((name) => String(name).endsWith('.html')).length;
  return { hugo, pagefind, pages };
}
