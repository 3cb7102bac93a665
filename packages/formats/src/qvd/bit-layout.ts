import type { QvdFieldHeader } from './header.js';

/** Where one field's index sits in every record. */
export interface FieldBits {
  readonly bitOffset: number;
  readonly bitWidth: number;
  readonly bias: number;
}

export interface RecordLayout {
  readonly recordByteSize: number;
  readonly fields: readonly FieldBits[];
}

export interface FieldNeed {
  readonly name: string;
  readonly symbolCount: number;
  readonly hasNull: boolean;
}

/** The number of stored values a field needs: its symbols, plus the two NULL slots of Bias -2. */
function valueCount(need: FieldNeed, bias: number): number {
  return need.symbolCount + (bias < 0 ? 2 : 0);
}

function fits(need: FieldNeed, bits: FieldBits): boolean {
  if (bits.bias !== 0 && bits.bias !== -2) return false;
  if (need.hasNull && bits.bias === 0) return false;
  // A 0-bit field stores 0 in every row: one symbol (Bias 0) or all NULL (Bias -2).
  if (bits.bitWidth === 0) return bits.bias === 0 ? need.symbolCount === 1 : need.symbolCount === 0;
  return valueCount(need, bits.bias) <= 2 ** bits.bitWidth;
}

/**
 * Reuses a template's layout (read from the QVD the table came from) when the fields are the
 * same, in the same order, and each still fits its bits; that keeps an unmodified table byte-identical on write. Returns null otherwise.
 */
export function layoutFromTemplate(
  needs: readonly FieldNeed[],
  template: readonly QvdFieldHeader[],
  recordByteSize: number,
): RecordLayout | null {
  if (template.length !== needs.length) return null;
  if (template.some((field, i) => field.name !== needs[i]?.name)) return null;
  const fields = template.map(({ bitOffset, bitWidth, bias }) => ({ bitOffset, bitWidth, bias }));
  const ok = needs.every((need, i) => fits(need, fields[i] as FieldBits));
  return ok ? { recordByteSize, fields } : null;
}

/**
 * A fresh layout the way Qlik lays one out (research/script-qvd.md §1.7): minimal widths, Bias
 * -2 only when the field has NULLs, fields packed in table order, and the record's slack bits
 * given to fields so that they end on byte boundaries while slack remains; when every width is 0
 * (one row or none) the last field gets 8 bits. Qlik's exact field ordering is not known; any
 * consistent layout loads in Qlik.
 */
export function freshLayout(needs: readonly FieldNeed[]): RecordLayout {
  const biases = needs.map((n) => (n.hasNull ? -2 : 0));
  const widths = needs.map((n, i) => {
    const count = valueCount(n, biases[i] as number);
    return count <= 1 ? 0 : Math.ceil(Math.log2(count));
  });
  const total = widths.reduce((a, b) => a + b, 0);
  const recordByteSize = Math.max(1, Math.ceil(total / 8));
  if (total === 0 && widths.length > 0) widths[widths.length - 1] = 8;
  let slack = recordByteSize * 8 - widths.reduce((a, b) => a + b, 0);
  let offset = 0;
  const fields = widths.map((width, i) => {
    if (width === 0) return { bitOffset: 0, bitWidth: 0, bias: biases[i] as number };
    const pad = (8 - ((offset + width) % 8)) % 8;
    const bitWidth = pad <= slack ? width + pad : width;
    if (pad <= slack) slack -= pad;
    const bits = { bitOffset: offset, bitWidth, bias: biases[i] as number };
    offset += bitWidth;
    return bits;
  });
  return { recordByteSize, fields };
}

/** Packs symbol ids (-1 = NULL) into the bit-stuffed row table. */
export function packRows(
  layout: RecordLayout,
  ids: readonly Int32Array[],
  rowCount: number,
): Uint8Array {
  const stride = layout.recordByteSize;
  const out = new Uint8Array(stride * rowCount);
  layout.fields.forEach((bits, f) => {
    if (bits.bitWidth === 0) return;
    const column = ids[f] as Int32Array;
    const first = bits.bitOffset >>> 3;
    const shift = bits.bitOffset & 7;
    const span = (shift + bits.bitWidth + 7) >>> 3;
    const scale = 2 ** shift;
    for (let r = 0, p = first; r < rowCount; r++, p += stride) {
      const id = column[r] as number;
      // Qlik writes stored value 0 for NULL (research/script-qvd.md §1.5).
      let value = (id < 0 ? 0 : id - bits.bias) * scale;
      for (let k = 0; k < span; k++) {
        out[p + k] = (out[p + k] as number) | (value % 256);
        value = Math.floor(value / 256);
      }
    }
  });
  return out;
}
