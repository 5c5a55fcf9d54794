import { describe, expect, test } from 'vitest';
import { codeVersion } from './code-version.ts';

describe('codeVersion', () => {
  test('is stable, and differs with the code hashed and the extra options', () => {
    expect(codeVersion(['src/content'])).toBe(codeVersion(['src/content']));
    expect(codeVersion(['src/content'])).not.toBe(codeVersion(['src/ingest']));
    expect(codeVersion(['src/content'], { a: 1 })).not.toBe(codeVersion(['src/content'], { a: 2 }));
    // A file counts as itself.
    expect(codeVersion(['src/content/entry-schema.ts'])).not.toBe(codeVersion(['src/content/loader.ts']));
  });
});
