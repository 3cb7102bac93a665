import { Dual, type Value } from '@cairn/engine';
import { FormatError } from '../errors.js';

/** Symbol type bytes (research/script-qvd.md §1.4). */
export const SYMBOL_INT = 1;
export const SYMBOL_DOUBLE = 2;
export const SYMBOL_TEXT = 4;
export const SYMBOL_DUAL_INT = 5;
export const SYMBOL_DUAL_DOUBLE = 6;

export interface SymbolTableLocation {
  readonly file: string;
  readonly field: string;
  /** File offset of the table's first byte, so errors can name the exact byte. */
  readonly fileOffset: number;
}

/**
 * Decodes one field's symbol table: `count` entries that must fill `bytes` exactly. Each text is
 * decoded whole (per-byte decoding garbles non-ASCII text: PyQvd #3, qvd-utils #4).
 */
export function decodeSymbols(
  bytes: Uint8Array,
  count: number,
  where: SymbolTableLocation,
): Value[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const symbols: Value[] = new Array(count);
  let p = 0;
  const fail = (detail: string, at: number): FormatError =>
    new FormatError('QVD_SYMBOL_INVALID', detail, {
      file: where.file,
      field: where.field,
      offset: where.fileOffset + at,
    });
  const textEnd = (from: number): number => {
    const end = buffer.indexOf(0, from);
    if (end < 0) throw fail(`symbol text at symbol ${symbols.length} has no 0x00 end`, from);
    return end;
  };
  for (let i = 0; i < count; i++) {
    const type = bytes[p];
    const need = type === SYMBOL_INT || type === SYMBOL_DUAL_INT ? 5 : type === 4 ? 1 : 9;
    if (p + need > bytes.length) {
      throw fail(`symbol ${i} of ${count} runs past the table's ${bytes.length} bytes`, p);
    }
    switch (type) {
      case SYMBOL_INT:
        symbols[i] = view.getInt32(p + 1, true);
        p += 5;
        break;
      case SYMBOL_DOUBLE:
        symbols[i] = view.getFloat64(p + 1, true);
        p += 9;
        break;
      case SYMBOL_TEXT: {
        const end = textEnd(p + 1);
        symbols[i] = buffer.toString('utf8', p + 1, end);
        p = end + 1;
        break;
      }
      case SYMBOL_DUAL_INT: {
        const end = textEnd(p + 5);
        symbols[i] = new Dual(view.getInt32(p + 1, true), buffer.toString('utf8', p + 5, end));
        p = end + 1;
        break;
      }
      case SYMBOL_DUAL_DOUBLE: {
        const end = textEnd(p + 9);
        symbols[i] = new Dual(view.getFloat64(p + 1, true), buffer.toString('utf8', p + 9, end));
        p = end + 1;
        break;
      }
      default:
        throw fail(`unknown symbol type byte 0x${(type ?? 0).toString(16)} at symbol ${i}`, p);
    }
  }
  if (p !== bytes.length) {
    throw fail(`${count} symbols end after ${p} bytes but the table is ${bytes.length} bytes`, p);
  }
  return symbols;
}
