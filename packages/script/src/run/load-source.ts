import {
  Dual,
  interpretNumber,
  type LocaleSettings,
  type TableInput,
  type Value,
} from '@cairn/engine';
import {
  type FileFormatSpec,
  FormatError,
  interpretTable,
  readTable,
  resolveFormat,
} from '@cairn/formats';
import type { LoadPart } from '../parse/ast.js';
import { toFormatSpec } from './format-spec.js';
import { normaliseScriptPath } from './paths.js';
import { applyQvdFormats } from './qvd-formats.js';
import type { ReloadContext } from './reload-context.js';
import { ScriptColumn } from './script-column.js';
import { ScriptTable } from './script-table.js';

/** The rows a LOAD reads, the name an unlabelled table gets, and the file (for FileName()). */
export interface LoadInput {
  readonly table: ScriptTable;
  readonly defaultName: string;
  readonly filePath: string | null;
  readonly fileSize: number | null;
  readonly source: string;
}

/** Reads the source of the bottom LOAD: a file, INLINE data, a resident table or generated rows. */
export async function readLoadSource(
  context: ReloadContext,
  part: LoadPart,
  autogenerateCount: () => number,
): Promise<LoadInput> {
  const source = part.source;
  switch (source.kind) {
    case 'file': {
      const normalised = normaliseScriptPath(source.path);
      if ('refused' in normalised)
        throw context.errorAt(
          'PATH_REFUSED',
          `${normalised.refused}: "${source.path}"`,
          source.at,
          source.path,
        );
      const spec = formatSpecOf(context, part);
      let bytes: Uint8Array;
      try {
        bytes = await context.host.readFile(normalised.path);
      } catch (error) {
        throw context.error(
          'FILE_READ_FAILED',
          `cannot open "${normalised.path}": ${(error as Error).message}`,
        );
      }
      const table = await readFileTable(context, bytes, spec, normalised.path);
      return {
        table,
        defaultName: table.name,
        filePath: normalised.path,
        fileSize: bytes.byteLength,
        source: normalised.path,
      };
    }
    case 'inline': {
      // Surplus values on a row are dropped (research §4.4 says "verify"; pinned in the corpus
      // test of coredataloading_inline-table.qvs). Blank lines carry no row.
      const spec: FileFormatSpec = {
        format: 'txt',
        delimiter: ',',
        labels: 'embedded',
        ragged: 'fill',
        ...formatSpecOf(context, part),
      };
      const data = source.data
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .join('\n');
      const table = await readFileTable(
        context,
        new TextEncoder().encode(data),
        spec,
        'INLINE',
        true,
      );
      return {
        table,
        defaultName: `tab${context.tables.size + 1}`,
        filePath: null,
        fileSize: null,
        source: 'INLINE',
      };
    }
    // Unlabelled INLINE/RESIDENT/AUTOGENERATE tables are named tab1, tab2 … (not verified
    // against Qlik, which may name them differently).
    case 'resident':
      return {
        table: context.table(source.table),
        defaultName: `tab${context.tables.size + 1}`,
        filePath: null,
        fileSize: null,
        source: `RESIDENT ${source.table}`,
      };
    case 'autogenerate': {
      const count = autogenerateCount();
      const table = new ScriptTable('AUTOGENERATE');
      table.rowCount = count;
      return {
        table,
        defaultName: `tab${context.tables.size + 1}`,
        filePath: null,
        fileSize: null,
        source: 'AUTOGENERATE',
      };
    }
    case 'preceding':
      throw context.error(
        'SYNTAX_ERROR',
        'a LOAD without a source must be followed by a LOAD or SELECT',
      );
    case 'unsupported':
      throw context.error('NOT_SUPPORTED', `${source.what} is not supported yet`);
  }
}

function formatSpecOf(context: ReloadContext, part: LoadPart): FileFormatSpec {
  const result = toFormatSpec(part.format);
  if ('unsupported' in result)
    throw context.error('NOT_SUPPORTED', `${result.unsupported} is not supported yet`);
  if ('invalid' in result)
    throw context.error(
      'SYNTAX_ERROR',
      `the format spec item "${result.invalid}" is not understood`,
    );
  return result.spec;
}

async function readFileTable(
  context: ReloadContext,
  bytes: Uint8Array,
  spec: FileFormatSpec,
  path: string,
  inline = false,
): Promise<ScriptTable> {
  try {
    const read = await readTable(bytes, spec, path);
    const format = resolveFormat(spec, path);
    let input: TableInput = format === 'qvd' ? applyQvdFormats(read, context.locale) : read;
    if (format === 'txt' || format === 'csv') {
      // Text files carry no types: Qlik trims blanks and interprets numbers by the locale (§7.2).
      const locale = context.locale;
      const nullText = context.variables.systemText('NullInterpret');
      input = interpretTable(input, (text) =>
        interpretText(inline ? unquoted(text) : text, locale, nullText),
      );
    }
    return toScriptTable(input, format === 'txt' || format === 'csv');
  } catch (error) {
    if (error instanceof FormatError) throw context.error('FILE_READ_FAILED', error.message);
    throw error;
  }
}

/** A cell text as Qlik reads it from a text file: trimmed, NullInterpret, then number or text. */
export function interpretText(
  text: string,
  locale: LocaleSettings,
  nullText: string | undefined,
): Value {
  const trimmed = text.trim();
  if (nullText !== undefined && trimmed === nullText) return null;
  const number = interpretNumber(trimmed, locale);
  return number === null ? trimmed : new Dual(number, trimmed);
}

/**
 * An INLINE value quoted after blanks (`1, "Pete"`) keeps its quotes through the CSV reader; Qlik
 * removes them, and still interprets the inner text as a number (`"19"` → 19).
 */
function unquoted(text: string): string {
  const trimmed = text.trim();
  const quote = trimmed[0];
  if (
    trimmed.length < 2 ||
    (quote !== '"' && quote !== "'") ||
    trimmed[trimmed.length - 1] !== quote
  )
    return text;
  return trimmed.slice(1, -1).replaceAll(quote + quote, quote);
}

/** Adopts a reader's columns (one batch: no copy) as a script table; labels are trimmed. */
export function toScriptTable(input: TableInput, trimLabels: boolean): ScriptTable {
  const table = new ScriptTable(input.name);
  const rowCount = input.batches.reduce((sum, batch) => sum + batch.rowCount, 0);
  const first = input.batches[0];
  if (first === undefined) return table;
  first.columns.forEach((_, c) => {
    const name = (first.columns[c] as { name: string }).name;
    const column = table.addField(trimLabels ? name.trim() : name);
    for (const batch of input.batches) {
      const source = batch.columns[c];
      if (source === undefined) column.pushNulls(batch.rowCount);
      else if (source.kind === 'indexed' && input.batches.length === 1)
        column.adopt(source.symbols, source.indexes);
      else for (let row = 0; row < batch.rowCount; row++) column.push(valueAt(source, row));
    }
  });
  table.rowCount = rowCount;
  return table;
}

function valueAt(column: TableInput['batches'][number]['columns'][number], row: number): Value {
  if (column.kind === 'values') return column.values[row] ?? null;
  const index = column.indexes[row] as number;
  return index < 0 ? null : (column.symbols[index] ?? null);
}

export { ScriptColumn };
