import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The project's root: two folders above this file (`src/utils/`). */
const ROOT = resolve(import.meta.dirname, '../..');

/**
 * A version of some of the project's code and of every library it installs:
 * a hash of the source files at `paths` (files, or folders whose tests are
 * left out) and of `package-lock.json`. A cache keyed by it is dropped when
 * that code, or any dependency's exact version, changes. Paths are relative
 * to the project.
 */
export function codeVersion(paths: readonly string[], extra: unknown = ''): string {
  const hash = createHash('sha256').update(JSON.stringify(extra));
  for (const path of paths.map((item) => join(ROOT, item))) {
    const files = !existsSync(path)
      ? []
      : statSync(path).isFile()
        ? [path]
        : readdirSync(path, { recursive: true })
            .map(String)
            .filter((name) => /\.(ts|mjs|js)$/.test(name) && !/\.test\.ts$/.test(name))
            .sort()
            .map((name) => join(path, name));
    for (const file of files) hash.update(relative(ROOT, file)).update(readFileSync(file));
  }
  const lockfile = join(ROOT, 'package-lock.json');
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  return hash.digest('base64url');
}
