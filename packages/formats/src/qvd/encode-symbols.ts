import { Dual, type Value } from '@cairn/engine';
import { FormatError } from '../errors.js';
import {
  SYMBOL_DOUBLE,
  SYMBOL_DUAL_DOUBLE,
  SYMBOL_DUAL_INT,
  SYMBOL_INT,
  SYMBOL_TEXT,
} from './symbols.js';

const encoder = new TextEncoder();

/**
 * Encodes a field's symbol table. Type choice follows Qlik (research/script-qvd.md §1.6, §1.8):
 * text → 4; a pure number → 1 when integral and in int32 range, else 2; a dual → 5 or 6 by the
 * same test. Larger integers must not go out as int32 (PyQvd #5, qvd4js #52).
 */
export function encodeSymbols(symbols: readonly Value[], field: string, file: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const value of symbols) {
    const part = encodeSymbol(value, field, file);
    parts.push(part);
    size += part.length;
  }
  const out = new Uint8Array(size);
  let p = 0;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

function encodeSymbol(value: Value, field: string, file: string): Uint8Array {
  if (value === null) throw new Error('NULL is never a symbol');
  if (typeof value === 'string') return withText(SYMBOL_TEXT, 0, 0, textBytes(value, field, file));
  const num = value instanceof Dual ? value.num : value;
  const int = Number.isInteger(num) && num >= -(2 ** 31) && num < 2 ** 31 && !Object.is(num, -0);
  if (value instanceof Dual) {
    const text = textBytes(value.text, field, file);
    return int
      ? withText(SYMBOL_DUAL_INT, 4, num, text)
      : withText(SYMBOL_DUAL_DOUBLE, 8, num, text);
  }
  const out = new Uint8Array(int ? 5 : 9);
  const view = new DataView(out.buffer);
  out[0] = int ? SYMBOL_INT : SYMBOL_DOUBLE;
  if (int) view.setInt32(1, num, true);
  else view.setFloat64(1, num, true);
  return out;
}

function withText(type: number, numBytes: 0 | 4 | 8, num: number, text: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + numBytes + text.length + 1);
  const view = new DataView(out.buffer);
  out[0] = type;
  if (numBytes === 4) view.setInt32(1, num, true);
  if (numBytes === 8) view.setFloat64(1, num, true);
  out.set(text, 1 + numBytes);
  return out;
}

function textBytes(text: string, field: string, file: string): Uint8Array {
  const at = text.indexOf('\0');
  if (at >= 0) {
    // The 0x00 byte ends a symbol text, so a text holding one cannot be stored.
    throw new FormatError(
      'QVD_WRITE_INVALID',
      `the text ${JSON.stringify(text.slice(0, 40))} holds a NUL character at ${at + 1}`,
      { file, field },
    );
  }
  return encoder.encode(text);
}
