import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { writeYaml } from './to-mdx.ts';

// Strings that look like other YAML values, or hold YAML's own marks, beside any text.
const tricky = fc.constantFrom(
  '',
  ' ',
  'null',
  '~',
  'true',
  'False',
  'yes',
  'no',
  'on',
  '0',
  '-1',
  '1e3',
  '0x1F',
  '.inf',
  '.NaN',
  '2008-06-10T18:17:00',
  '2026-01-08',
  '12:30',
  '- a',
  '? a',
  ': a',
  'a: b',
  'a #b',
  '#a',
  '&a',
  '*a',
  '!a',
  '|',
  '>',
  '"',
  "'",
  '%a',
  '@a',
  '`a',
  '[a]',
  '{a}',
  'a\nb',
  'a\n',
  ' a',
  'a ',
  '\t',
  '\u00a0SOURCE\u00a0/\u00a0ECONOMY',
  '\u2028',
  '\ufeffa',
  '\u0007',
  '---',
  '...',
);
const text = fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 300 }));
// No -0: written as -0.0 and read back as -0, which the JSON copy below cannot hold.
const number = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
const scalar = fc.oneof(text, fc.integer(), number, fc.boolean());
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(text, tie('node'), { maxKeys: 4 })),
})).node;

describe('writeYaml', () => {
  test('both YAML readers read back what it writes, whatever the strings hold', () => {
    fc.assert(
      fc.property(fc.dictionary(text, value, { maxKeys: 6 }), (data) => {
        const yaml = writeYaml(data);
        // A plain copy of the data, as both readers build it.
        const expected = JSON.parse(JSON.stringify(data)) as unknown;
        expect(load(yaml, { schema: CORE_SCHEMA })).toEqual(expected);
        expect(parseYaml(yaml)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  test('keeps a long value on one line, and leaves out keys set to undefined', () => {
    const title = 'word '.repeat(100).trim();
    expect(writeYaml({ title, caption: undefined, tags: ['a'] })).toBe(`title: ${title}\ntags:\n  - a\n`);
  });
});
