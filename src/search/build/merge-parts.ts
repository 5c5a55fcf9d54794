import { writeFile } from 'node:fs/promises';
import { pagefindFile, type PagefindMeta } from './pagefind-format.ts';

/** What the merge needs of each shard's index of one language. */
export interface Part {
  dir: string;
  meta: PagefindMeta;
  /** Number of its first page in the merged index. */
  offset: number;
  /** Its meta field ids → the merged ones; undefined when they are the same. */
  fields?: number[];
}

/** Compressed files being written at once: gzip runs on libuv's thread pool. */
const WRITES_IN_FLIGHT = 4;

/** Compressed files written in the background, a few at a time. */
export class Writes {
  #pending = new Set<Promise<void>>();
  #failure: unknown;

  add(file: string, payload: Buffer): void {
    const write = pagefindFile(payload)
      .then((compressed) => writeFile(file, compressed))
      .catch((error: unknown) => {
        this.#failure ??= error;
      })
      .finally(() => this.#pending.delete(write));
    this.#pending.add(write);
  }

  /** Resolves when another file may start. */
  async room(): Promise<void> {
    while (this.#pending.size >= WRITES_IN_FLIGHT) await Promise.race(this.#pending);
    if (this.#failure) throw this.#failure;
  }

  async done(): Promise<void> {
    await Promise.all(this.#pending);
    if (this.#failure) throw this.#failure;
  }
}

/** The shortest prefix (from `length` characters) of `full` that no other file of the index has. */
export function uniqueName(full: string, length: number, taken: Set<string>): string {
  let name = full.slice(0, length);
  while (taken.has(name) && name.length < full.length) name = full.slice(0, name.length + 1);
  taken.add(name);
  return name;
}
