import { FormatError } from '../errors.js';

const END_TAG = Buffer.from('</QvdTableHeader>', 'latin1');
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;

/** Where the XML header ends and the binary body begins. */
export interface HeaderSpan {
  /** Byte length of the XML text (up to and including `</QvdTableHeader>`). */
  readonly xmlEnd: number;
  /** First byte after the 0x00 terminator; every offset in the header counts from here. */
  readonly bodyStart: number;
}

/**
 * Finds `</QvdTableHeader>`, then allows CR, LF and spaces before the 0x00 terminator: Qlik
 * writes CRLF, some public files only LF (research/script-qvd.md §1.3). The first NUL in the
 * file is not trusted, since a damaged header may contain one.
 */
export function locateHeader(bytes: Uint8Array, file: string): HeaderSpan {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = buffer.indexOf(END_TAG);
  if (at < 0) {
    throw new FormatError(
      'QVD_HEADER_MISSING',
      'no "</QvdTableHeader>" found: this is not a QVD file or its header is cut off',
      { file, offset: 0 },
    );
  }
  const xmlEnd = at + END_TAG.length;
  let position = xmlEnd;
  while (position < bytes.length) {
    const byte = bytes[position];
    if (byte !== CR && byte !== LF && byte !== SPACE) break;
    position++;
  }
  if (bytes[position] !== 0) {
    const found = position < bytes.length ? `0x${bytes[position]?.toString(16)}` : 'end of file';
    throw new FormatError(
      'QVD_HEADER_MISSING',
      `expected the 0x00 header terminator after "</QvdTableHeader>", found ${found}`,
      { file, offset: position },
    );
  }
  return { xmlEnd, bodyStart: position + 1 };
}
