import type { DataModel } from '../model/data-model.js';
import { SymbolKind, SymbolTableData } from '../model/symbol-table.js';
import { ByteWriter, checksum } from './byte-writer.js';
import { type ModelHeader, modelFormatVersion, modelMagic } from './model-format.js';

/** Writes a model in the versioned binary format of model-format.ts. Pure: no I/O. */
export function serializeModel(model: DataModel): Uint8Array {
  const symbolData = model.fields.map((field) => asData(field.symbols));
  const texts = symbolData.map(textBlocks);
  const header: ModelHeader = {
    id: model.id,
    warnings: model.warnings.map((w) => ({ code: w.code, message: w.message, tables: w.tables })),
    fields: model.fields.map((field, i) => ({
      name: field.name,
      tags: field.tags,
      comment: field.comment,
      isSystem: field.isSystem,
      size: field.symbols.size,
      texted: texts[i]?.lengths.length ?? 0,
      textUnits: texts[i]?.units.length ?? 0,
    })),
    tables: model.tables.map((table) => ({
      name: table.name,
      rowCount: table.rowCount,
      isSynthetic: table.isSynthetic,
      isLooselyCoupled: table.isLooselyCoupled,
      comment: table.comment,
      columns: table.columns.map((c) => ({
        field: c.field,
        width: c.codes.BYTES_PER_ELEMENT as 1 | 2 | 4,
      })),
    })),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const writer = new ByteWriter();
  writer.raw(new TextEncoder().encode(modelMagic));
  writer.u32(modelFormatVersion);
  writer.u32(headerBytes.length);
  writer.u32(0); // total bytes, patched below
  writer.u32(0);
  writer.raw(headerBytes);
  writer.align();
  symbolData.forEach((data, i) => {
    writer.block(data.nums);
    writer.block(data.kinds);
    writer.block(texts[i]?.lengths ?? new Uint32Array(0));
    writer.block(texts[i]?.units ?? new Uint16Array(0));
  });
  for (const table of model.tables) for (const column of table.columns) writer.block(column.codes);
  writer.u32(0); // checksum, patched below
  const bytes = writer.finish();
  const view = new DataView(bytes.buffer);
  view.setUint32(16, bytes.length, true);
  view.setUint32(bytes.length - 4, checksum(bytes, bytes.length - 4), true);
  return bytes;
}

/** Any symbol table as the array form (tables built elsewhere are copied value by value). */
function asData(symbols: DataModel['fields'][number]['symbols']): SymbolTableData {
  if (symbols instanceof SymbolTableData) return symbols;
  const nums = new Float64Array(symbols.size);
  const texts: (string | null)[] = [];
  const kinds = new Uint8Array(symbols.size);
  for (let i = 0; i < symbols.size; i++) {
    const numeric = symbols.isNumeric(i);
    nums[i] = symbols.num(i);
    texts.push(symbols.text(i));
    kinds[i] = numeric ? SymbolKind.dual : SymbolKind.text;
  }
  return new SymbolTableData(nums, texts, kinds);
}

/** Texts of the symbols that carry one, as UTF-16 code units plus a length per text. */
function textBlocks(data: SymbolTableData): { lengths: Uint32Array; units: Uint16Array } {
  const texted: string[] = [];
  for (let i = 0; i < data.size; i++) {
    if (data.kinds[i] !== SymbolKind.number) texted.push(data.texts[i] ?? '');
  }
  const lengths = Uint32Array.from(texted, (t) => t.length);
  const units = new Uint16Array(lengths.reduce((sum, n) => sum + n, 0));
  let at = 0;
  for (const text of texted) {
    for (let c = 0; c < text.length; c++) units[at++] = text.charCodeAt(c);
  }
  return { lengths, units };
}
