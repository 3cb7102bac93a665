import iconv from 'iconv-lite';
import { FormatError } from '../errors.js';

/** Qlik's code-page words and common Windows code page numbers, as iconv-lite labels. */
const CODE_PAGES: Readonly<Record<string, string>> = {
  utf8: 'utf8',
  'utf-8': 'utf8',
  '65001': 'utf8',
  unicode: 'utf16le',
  '1200': 'utf16le',
  '1201': 'utf16be',
  ansi: 'windows-1252',
  oem: 'cp850',
  mac: 'macintosh',
  '10000': 'macintosh',
  '28591': 'iso-8859-1',
  '20127': 'ascii',
};

/** The iconv-lite label for a spec's code page (`1251` → `windows-1251`). */
export function codePageLabel(codePage: string | number, file: string): string {
  const key = String(codePage).trim().toLowerCase();
  const label =
    CODE_PAGES[key] ??
    (/^12[5-9]\d$/.test(key) ? `windows-${key}` : /^\d+$/.test(key) ? `cp${key}` : key);
  if (!iconv.encodingExists(label)) {
    throw new FormatError(
      'FORMAT_OPTION_INVALID',
      `code page ${JSON.stringify(String(codePage))} is not known; use utf8, unicode, ansi, oem, ` +
        'mac or a code page number such as 1252',
      { file },
    );
  }
  return label;
}

/**
 * Turns a text file's bytes into a string. A BOM wins over the spec (Qlik reads a BOM'd file
 * by its BOM). With no code page and no BOM the bytes must be UTF-8, else they are read as
 * windows-1252 (Qlik's `ansi`) the way older QlikView files were written; with `utf8` declared,
 * bytes that are not UTF-8 are an error naming the line and column.
 */
export function decodeText(
  bytes: Uint8Array,
  codePage: string | number | undefined,
  file: string,
): string {
  const bom = detectBom(bytes);
  if (bom !== null) return iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.label);
  const label = codePage === undefined ? null : codePageLabel(codePage, file);
  if (label !== null && label !== 'utf8') return iconv.decode(Buffer.from(bytes), label);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (label === null) return iconv.decode(Buffer.from(bytes), 'windows-1252');
    throw notUtf8(bytes, file);
  }
}

function detectBom(bytes: Uint8Array): { label: string; length: number } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { label: 'utf8', length: 3 };
  if (a === 0xff && b === 0xfe) return { label: 'utf16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { label: 'utf16be', length: 2 };
  return null;
}

/** Locates the first byte that breaks UTF-8 so the error can point at it. */
function notUtf8(bytes: Uint8Array, file: string): FormatError {
  let line = 1;
  let lineStart = 0;
  let at = 0;
  while (at < bytes.length) {
    const byte = bytes[at] as number;
    const size =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    let ok = size > 0 && at + size <= bytes.length;
    for (let k = 1; ok && k < size; k++) ok = ((bytes[at + k] as number) & 0xc0) === 0x80;
    if (!ok) break;
    if (byte === 0x0a) {
      line++;
      lineStart = at + 1;
    }
    at += size;
  }
  const column = new TextDecoder().decode(bytes.subarray(lineStart, at)).length + 1;
  const hex = Array.from(bytes.subarray(at, at + 4), (x) => x.toString(16).padStart(2, '0'));
  return new FormatError(
    'TEXT_ENCODING_INVALID',
    `the bytes ${hex.join(' ')} are not UTF-8; declare the file's code page (ansi, ` +
      'codepage is 1252, …)',
    { file, line, column, offset: at },
  );
}
