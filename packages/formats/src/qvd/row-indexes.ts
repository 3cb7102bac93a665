import { FormatError } from '../errors.js';
import type { QvdFieldHeader } from './header.js';

/**
 * Unpacks one field's symbol indexes from the bit-stuffed row table (research/script-qvd.md
 * §1.5): each record is a little-endian bit string, the field occupies `bitWidth` bits from
 * `bitOffset`, and `stored + bias` is the symbol index (negative = NULL, returned as -1).
 * Only the ≤ 5 bytes the field spans are read per row, never the whole record, and bias, NULL
 * mapping and the range check happen in the same pass.
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
  const max =
    bitWidth === 0
      ? fillConstant(out, bias)
      : extractIndexes(rows, recordByteSize, rowCount, bitOffset, bitWidth, bias, out);
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

/** A 0-bit field stores 0 in every row: symbol `bias` (0), or NULL when the bias is negative. */
function fillConstant(out: Int32Array, bias: number): number {
  out.fill(bias < 0 ? -1 : bias);
  return out.length === 0 || bias < 0 ? -1 : bias;
}

/** Writes each row's index (-1 for NULL) and returns the largest index seen. */
function extractIndexes(
  rows: Uint8Array,
  stride: number,
  rowCount: number,
  bitOffset: number,
  bitWidth: number,
  bias: number,
  out: Int32Array,
): number {
  const shift = bitOffset & 7;
  const span = (shift + bitWidth + 7) >>> 3;
  // Widths are at most 31 bits (checked with the layout), so the mask is a positive int32.
  const mask = 2 ** bitWidth - 1;
  let max = -1;
  let p = bitOffset >>> 3;
  for (let r = 0; r < rowCount; r++, p += stride) {
    let v: number;
    if (span === 1) v = (rows[p] as number) >>> shift;
    else if (span === 2) v = ((rows[p] as number) | ((rows[p + 1] as number) << 8)) >>> shift;
    else if (span === 3) {
      v =
        ((rows[p] as number) | ((rows[p + 1] as number) << 8) | ((rows[p + 2] as number) << 16)) >>>
        shift;
    } else {
      const low =
        ((rows[p] as number) |
          ((rows[p + 1] as number) << 8) |
          ((rows[p + 2] as number) << 16) |
          ((rows[p + 3] as number) << 24)) >>>
        0;
      v =
        span === 4
          ? low >>> shift
          : Math.floor((low + (rows[p + 4] as number) * 2 ** 32) / 2 ** shift);
    }
    const index = (v & mask) + bias;
    if (index < 0) {
      out[r] = -1;
    } else {
      out[r] = index;
      if (index > max) max = index;
    }
  }
  return max;
}
