import iconv from 'iconv-lite';
import type { MessageCollector } from '../message.ts';

export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The text, with `\n` line endings and no byte order mark. */
  text: string;
  encoding: SourceEncoding;
}

/**
 * Bytes → text. A BOM wins; then strict UTF-8; anything else is read as
 * Windows-1252 (a superset of Latin-1 that maps every byte) with a warning,
 * so no byte ever turns silently into U+FFFD. Returns undefined, with a
 * fatal message, for files that are empty or not text at all.
 */
export function decodeText(bytes: Uint8Array, report: MessageCollector): DecodedText | undefined {
  const decoded = decodeBytes(bytes, report);
  if (!decoded) return undefined;
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    report.fail(
      bytes.length === 0 ? 'Empty file, expected a document' : 'File holds only white space, expected a document',
      'empty-document',
    );
    return undefined;
  }
  return { text, encoding: decoded.encoding };
}

function decodeBytes(bytes: Uint8Array, report: MessageCollector): DecodedText | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul !== -1) {
    report.fail(`Binary file (a NUL byte at offset ${nul}), expected text`, 'binary-file', lineAt(body, nul));
    return undefined;
  }
  const offset = firstInvalidUtf8(body);
  if (offset === -1) return { text: decode('utf-8', body), encoding: 'utf-8' };
  report.warn(
    `Invalid UTF-8 (byte 0x${body[offset]!.toString(16).padStart(2, '0')} at offset ${offset}), read the file as Windows-1252 instead`,
    'not-utf-8',
    lineAt(body, offset),
  );
  // Node's TextDecoder reads 'windows-1252' as Latin-1 (0x93 → U+0093, not “); iconv-lite has the real table.
  return { text: iconv.decode(Buffer.from(body), 'windows-1252'), encoding: 'windows-1252' };
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (RFC 3629 ranges). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // Allowed range of the second byte, and how many continuation bytes follow.
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= length; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += length + 1;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

// C0 controls other than tab and line feed, DEL, and C1 controls cannot stand in HTML.
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');

/** U+0007 → ␇ (a Control Picture), U+007F → ␡; C1 controls have no picture and become U+FFFD. */
export function controlPicture(character: string): string {
  const code = character.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

/**
 * Replaces control characters with visible pictures of them, so the page
 * shows that something was there instead of dropping it or producing
 * invalid HTML. Warns once per line.
 */
export function showControlCharacters(text: string, report: MessageCollector): string {
  if (!CONTROL_CHARACTER.test(text)) return text;
  return text
    .split('\n')
    .map((line, index) => {
      if (!CONTROL_CHARACTER.test(line)) return line;
      report.warn('Control character in the text, shown as a visible picture of it', 'control-character', index + 1);
      return line.replace(CONTROL_CHARACTERS, controlPicture);
    })
    .join('\n');
}
