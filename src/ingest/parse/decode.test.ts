import { describe, expect, test } from 'vitest';
import { decodeText, showControlCharacters } from './decode.ts';
import { messageCollector } from '../message.ts';

const TEXT = 'Café “quoted” — 한국어 中文\nsecond line';

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

describe('decodeText', () => {
  test.each([
    { name: 'UTF-8', bytes: Buffer.from(TEXT), encoding: 'utf-8' },
    { name: 'UTF-8 with BOM', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), encoding: 'utf-8' },
    { name: 'UTF-16 LE with BOM', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), encoding: 'utf-16le' },
    { name: 'UTF-16 BE with BOM', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), encoding: 'utf-16be' },
    { name: 'CRLF line endings', bytes: Buffer.from(TEXT.replace('\n', '\r\n')), encoding: 'utf-8' },
    { name: 'CR line endings', bytes: Buffer.from(TEXT.replace('\n', '\r')), encoding: 'utf-8' },
  ])('reads $name without loss or warnings', ({ bytes, encoding }) => {
    const report = messageCollector('doc.txt');
    expect(decodeText(bytes, report)).toEqual({ text: TEXT, encoding });
    expect(report.messages).toEqual([]);
  });

  test('reads text that is not UTF-8 as Windows-1252, with a warning naming the line', () => {
    const report = messageCollector('legacy.txt');
    // "Caf\xe9" in Latin-1 on line 2, and a Windows-1252 curly quote (0x93).
    const bytes = Buffer.from([0x41, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x68, 0x69, 0x94]);
    expect(decodeText(bytes, report)?.text).toBe('A\nCafé “hi”');
    expect(report.messages).toMatchObject([{ ruleId: 'not-utf-8', line: 2, fatal: false }]);
    expect(report.messages[0]!.reason).toContain('0xe9');
  });

  test.each([
    { name: 'an empty file', bytes: new Uint8Array(), ruleId: 'empty-document' },
    { name: 'white space only', bytes: Buffer.from(' \n\t\r\n \u00a0'), ruleId: 'empty-document' },
    { name: 'a binary file', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), ruleId: 'binary-file' },
  ])('refuses $name with a fatal message', ({ bytes, ruleId }) => {
    const report = messageCollector('bad.txt');
    expect(decodeText(bytes, report)).toBeUndefined();
    expect(report.messages).toMatchObject([{ ruleId, fatal: true, file: 'bad.txt' }]);
  });
});

describe('showControlCharacters', () => {
  test('shows control characters as control pictures and warns with the line', () => {
    const report = messageCollector('doc.txt');
    expect(showControlCharacters('ok\nbell\u0007 and esc\u001b\ttab', report)).toBe('ok\nbell␇ and esc␛\ttab');
    expect(report.messages).toMatchObject([{ ruleId: 'control-character', line: 2 }]);
  });

  test('leaves ordinary text alone', () => {
    const report = messageCollector('doc.txt');
    const text = 'tab\there\nemoji 👩🏽‍💻 rtl שלום combining é';
    expect(showControlCharacters(text, report)).toBe(text);
    expect(report.messages).toEqual([]);
  });
});
