import { FormatError } from '../errors.js';
import type { QvdHeader } from './header.js';

/**
 * Checks that the header's offsets, lengths and bit ranges fit the body before any byte is
 * decoded, so a damaged or truncated file fails with the exact field and number at fault
 * (research/script-qvd.md §1.9 step 3).
 */
export function validateLayout(
  header: QvdHeader,
  bodyLength: number,
  file: string,
  bodyStart: number,
): void {
  const fail = (detail: string, field?: string): FormatError =>
    new FormatError(
      'QVD_LAYOUT_INVALID',
      detail,
      field === undefined ? { file, offset: bodyStart } : { file, field, offset: bodyStart },
    );
  const { recordByteSize, noOfRecords, offset, length } = header;
  if (recordByteSize < 0 || noOfRecords < 0 || offset < 0 || length < 0) {
    throw fail('RecordByteSize, NoOfRecords, Offset and Length must not be negative');
  }
  if (noOfRecords > 0 && recordByteSize < 1) {
    throw fail(`RecordByteSize ${recordByteSize} cannot hold ${noOfRecords} records`);
  }
  if (length !== noOfRecords * recordByteSize) {
    throw fail(
      `row table Length ${length} is not NoOfRecords ${noOfRecords} × RecordByteSize ` +
        `${recordByteSize}`,
    );
  }
  if (offset + length > bodyLength) {
    throw fail(
      `the row table (Offset ${offset} + Length ${length}) runs past the ${bodyLength} bytes ` +
        'after the header: the file is truncated or damaged',
    );
  }
  const seen = new Set<string>();
  for (const field of header.fields) {
    const { name, bitOffset, bitWidth, noOfSymbols, bias } = field;
    if (seen.has(name)) throw fail('the field name occurs twice', name);
    seen.add(name);
    if (field.offset < 0 || field.length < 0 || field.offset + field.length > offset) {
      throw fail(
        `symbol table (Offset ${field.offset}, Length ${field.length}) lies outside the ` +
          `${offset} bytes of symbol tables`,
        name,
      );
    }
    if (noOfSymbols < 0 || noOfSymbols > field.length) {
      throw fail(`NoOfSymbols ${noOfSymbols} cannot fit in Length ${field.length}`, name);
    }
    if (bitWidth < 0 || bitWidth > 31) {
      throw fail(`BitWidth ${bitWidth} is outside 0..31`, name);
    }
    if (bitWidth > 0 && (bitOffset < 0 || bitOffset + bitWidth > recordByteSize * 8)) {
      throw fail(
        `bits ${bitOffset}..${bitOffset + bitWidth - 1} lie outside the ${recordByteSize}-byte record`,
        name,
      );
    }
    if (bitWidth === 0 && bias >= 0 && noOfRecords > 0 && noOfSymbols === 0) {
      throw fail('a 0-bit field with rows needs at least one symbol', name);
    }
    if (bias > 0) throw fail(`Bias ${bias} is positive`, name);
  }
}
