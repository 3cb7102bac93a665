import type { TableInput } from '@cairn/engine';
import { FormatError, writeQvd, writeText } from '@cairn/formats';
import type { Statement } from '../parse/ast.js';
import { toFormatSpec } from './format-spec.js';
import { normaliseScriptPath } from './paths.js';
import type { ReloadContext } from './reload-context.js';

type StoreStatement = Extract<Statement, { kind: 'store' }>;

/** `STORE [fields FROM] table INTO file [(qvd | txt [, delimiter is x])]`; QVD is the default. */
export async function runStore(context: ReloadContext, statement: StoreStatement): Promise<void> {
  const normalised = normaliseScriptPath(statement.path);
  if ('refused' in normalised) {
    const detail = `${normalised.refused}: "${statement.path}"`;
    throw context.errorAt('PATH_REFUSED', detail, statement.pathAt, statement.path);
  }
  const table = context.table(statement.table);
  const parsed = toFormatSpec(statement.format);
  if ('unsupported' in parsed)
    throw context.error('NOT_SUPPORTED', `${parsed.unsupported} is not supported yet`);
  if ('invalid' in parsed)
    throw context.error(
      'SYNTAX_ERROR',
      `the STORE format item "${parsed.invalid}" is not understood`,
    );
  const spec = parsed.spec;
  let input: TableInput = table.toTableInput();
  if (statement.fields !== null) {
    const batch = input.batches[0];
    const columns = statement.fields.map((pair) => {
      const column = batch?.columns.find((c) => c.name === pair.from);
      if (column === undefined)
        throw context.error(
          'FIELD_NOT_FOUND',
          `field "${pair.from}" not found in table "${table.name}"`,
        );
      return { ...column, name: pair.to };
    });
    input = { ...input, batches: [{ rowCount: table.rowCount, columns }] };
  }
  let bytes: Uint8Array;
  try {
    const format = spec.format ?? 'qvd';
    if (format === 'qvd') bytes = writeQvd(input, { fileName: normalised.path });
    else if (format === 'txt' || format === 'csv') {
      bytes = writeText(input, {
        fileName: normalised.path,
        ...(spec.delimiter === undefined ? {} : { delimiter: spec.delimiter }),
      });
    } else throw context.error('NOT_SUPPORTED', `STORE as ${format} is not supported yet`);
  } catch (error) {
    if (error instanceof FormatError) throw context.error('FILE_WRITE_FAILED', error.message);
    throw error;
  }
  try {
    await context.host.writeFile(normalised.path, bytes);
  } catch (error) {
    throw context.error(
      'FILE_WRITE_FAILED',
      `cannot write "${normalised.path}": ${(error as Error).message}`,
    );
  }
}
