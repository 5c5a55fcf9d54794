import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { linkOrCopySync } from '../../utils/link-or-copy.ts';

// Running the Pagefind binary on a folder of pages: for the shards of index-site.ts and early-indexer.ts.

/** The Pagefind binary the `pagefind` package installed, found as its own wrapper finds it. */
export function pagefindBinary(): string {
  const names = ['pagefind_extended', 'pagefind'];
  for (const name of names) {
    const fromEnv = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (fromEnv) return fromEnv;
  }
  const os = platform() === 'win32' ? 'windows' : platform();
  const cpu = process.env.npm_config_arch || arch();
  // Its platform package is its dependency: resolve from the `pagefind` package's folder (which exports no files).
  const fromProject = createRequire(join(process.cwd(), 'package.json'));
  const folder = (fromProject.resolve.paths('pagefind') ?? [])
    .map((modules) => join(modules, 'pagefind'))
    .find((candidate) => existsSync(join(candidate, 'package.json')));
  const require = createRequire(join(folder ?? process.cwd(), 'package.json'));
  for (const name of names) {
    try {
      return require.resolve(`@pagefind/${os}-${cpu}/bin/${os === 'windows' ? `${name}.exe` : name}`);
    } catch {
      // Not this one.
    }
  }
  throw new Error(`No Pagefind binary for ${os}-${cpu}: is the \`pagefind\` package installed with its optional dependencies?`);
}

/**
 * Runs the binary. Its working folder is one of ours, so that it reads no
 * `pagefind.yml` of the project, and the environment has no `PAGEFIND_*`
 * settings: the index depends on the site alone, as with the Node API.
 */
export async function runPagefind(args: string[], cwd: string, { idle = false }: { idle?: boolean } = {}): Promise<void> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PAGEFIND_')));
  const chrt = idle ? idleRunner() : undefined;
  const [command, commandArgs] = chrt ? [chrt, ['--idle', '0', pagefindBinary(), ...args]] : [pagefindBinary(), args];
  const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`pagefind ${args.join(' ')} exited with ${code}:\n${output.trim().slice(-4000)}`);
}

/**
 * `chrt`, where there is one (util-linux, on every Linux): it runs a command in the idle scheduling
 * class, which gets a core only when no other thread wants it. A lower nice value is not enough:
 * a build's garbage collector wakes helper threads many times a second, and its main thread waits
 * for them, while a niced run holds their core for milliseconds at each wake (BENCHMARKS.md).
 */
function idleRunner(): string | undefined {
  if (platform() !== 'linux') return undefined;
  return ['/usr/bin/chrt', '/bin/chrt'].find((path) => existsSync(path));
}

/** Links the shard's pages into `dir` at their paths in the site (synchronously, as the scan reads). */
export function stagePages(site: string, dir: string, pages: readonly string[]): void {
  for (const folder of new Set(pages.map((page) => dirname(join(dir, page))))) mkdirSync(folder, { recursive: true });
  for (const page of pages) {
    linkOrCopySync(join(site, page), join(dir, page));
  }
}
