import { FormatError } from '../errors.js';
import type { QvdFieldHeader } from './header.js';

/**
 * Unpacks one field's symbol indexes from the bit-stuffed row table (research/script-qvd.md
 * §1.5): each record is a little-endian bit string, the field occupies `bitWidth` bits from
 * `bitOffset`, and `stored + bias` is the symbol index (negative = NULL, returned as -1).
 * Only the ≤ 5 bytes the field spans are read per row, never the whole record.
 */
export function decodeRowIndexes(
  rows: Uint8Array,
  recordByteSize: number,
  rowCount: number,
  field: QvdFieldHeader,
  file: string,
  rowsFileOffset: number,
): Int32Array {
  const out = new Int32Array(rowCount);
  const { bitOffset, bitWidth, bias, noOfSymbols } = field;
  if (bitWidth === 0) {
    out.fill(bias < 0 ? -1 : bias);
  } else {
    extractBits(rows, recordByteSize, rowCount, bitOffset, bitWidth, out);
  }
  let max = -1;
  for (let r = 0; r < rowCount; r++) {
    const index = (out[r] as number) + bias;
    if (index < 0) {
      out[r] = -1;
    } else {
      out[r] = index;
      if (index > max) max = index;
    }
  }
  if (max >= noOfSymbols) {
    const row = out.indexOf(max);
    throw new FormatError(
      'QVD_INDEX_INVALID',
      `row ${row + 1} refers to symbol ${max} but the field has ${noOfSymbols} symbols`,
      { file, field: field.name, line: row + 1, offset: rowsFileOffset + row * recordByteSize },
    );
  }
  return out;
}

function extractBits(
  rows: Uint8Array,
  stride: number,
  rowCount: number,
  bitOffset: number,
  bitWidth: number,
  out: Int32Array,
): void {
  const first = bitOffset >>> 3;
  const shift = bitOffset & 7;
  const span = (shift + bitWidth + 7) >>> 3;
  // Stored values are unsigned and at most 32 bits wide, so they fit an Int32Array only up to 31.
  const mask = bitWidth >= 32 ? 0xffffffff : 2 ** bitWidth - 1;
  let p = first;
  if (span === 1) {
    for (let r = 0; r < rowCount; r++, p += stride) out[r] = ((rows[p] as number) >>> shift) & mask;
  } else if (span === 2) {
    for (let r = 0; r < rowCount; r++, p += stride) {
      out[r] = (((rows[p] as number) | ((rows[p + 1] as number) << 8)) >>> shift) & mask;
    }
  } else if (span === 3) {
    for (let r = 0; r < rowCount; r++, p += stride) {
      const v =
        (rows[p] as number) | ((rows[p + 1] as number) << 8) | ((rows[p + 2] as number) << 16);
      out[r] = (v >>> shift) & mask;
    }
  } else if (span === 4) {
    for (let r = 0; r < rowCount; r++, p += stride) {
      const v =
        (rows[p] as number) |
        ((rows[p + 1] as number) << 8) |
        ((rows[p + 2] as number) << 16) |
        ((rows[p + 3] as number) << 24);
      out[r] = (v >>> shift) & mask;
    }
  } else {
    const scale = 2 ** shift;
    for (let r = 0; r < rowCount; r++, p += stride) {
      const low =
        ((rows[p] as number) |
          ((rows[p + 1] as number) << 8) |
          ((rows[p + 2] as number) << 16) |
          ((rows[p + 3] as number) << 24)) >>>
        0;
      const wide = low + (rows[p + 4] as number) * 2 ** 32;
      out[r] = Math.floor(wide / scale) % (mask + 1);
    }
  }
}
