import { evaluateScalar, numOf } from '@cairn/engine';
import type { LoadPart, LoadPrefix } from '../parse/ast.js';
import { crosstable } from './crosstable.js';
import { locatedIn } from './expression-at.js';
import { runLoadPart } from './load-part.js';
import { readLoadSource } from './load-source.js';
import type { ReloadContext } from './reload-context.js';
import { emptyRowState, ScriptRowFunctions } from './row-functions.js';
import { rowLessScope } from './row-less-scope.js';
import { placeLoadedTable } from './table-placement.js';

/** A LOAD statement with the preceding LOADs stacked on it, top first. */
export interface LoadChain {
  readonly label: string | null;
  readonly prefixes: readonly LoadPrefix[];
  readonly parts: readonly LoadPart[];
}

/**
 * Runs a LOAD chain bottom-up: the last part reads its source, each part above reads the rows of
 * the one below (preceding load), then prefixes decide where the rows go.
 */
export async function runLoadChain(context: ReloadContext, chain: LoadChain): Promise<void> {
  for (const prefix of chain.prefixes) {
    if (prefix.kind === 'unsupported')
      throw context.error('NOT_SUPPORTED', `the ${prefix.name} prefix is not supported yet`);
  }
  const bottom = chain.parts[chain.parts.length - 1] as LoadPart;
  const state = emptyRowState();
  const functions = new ScriptRowFunctions(context, state);
  const input = await readLoadSource(context, bottom, () =>
    autogenerateCount(context, bottom, functions),
  );
  state.filePath = input.filePath;
  state.fileSize = input.fileSize;
  const first = chain.prefixes.find((prefix) => prefix.kind === 'first');
  let limit = Number.POSITIVE_INFINITY;
  if (first?.kind === 'first') {
    limit = numOf(
      locatedIn(first.count, () =>
        evaluateScalar(first.count.ast, rowLessScope(context, functions)),
      ),
    );
  }
  let rows = input.table;
  for (let i = chain.parts.length - 1; i >= 0; i--) {
    rows = runLoadPart(
      context,
      chain.parts[i] as LoadPart,
      rows,
      functions,
      i === chain.parts.length - 1 ? limit : Number.POSITIVE_INFINITY,
    );
    context.checkBudgets(rows.rowCount, rows.estimateBytes());
  }
  const cross = chain.prefixes.find((prefix) => prefix.kind === 'crosstable');
  if (cross?.kind === 'crosstable')
    rows = crosstable(rows, cross.attribute, cross.data, cross.qualifiers);
  const fetched = rows.rowCount;
  const placed = placeLoadedTable(context, rows, chain.label, input.defaultName, chain.prefixes);
  context.emit({
    kind: 'table',
    elapsedMs: context.elapsedMs,
    table: placed.table,
    source: `${input.source} (${placed.how})`,
    rowsFetched: fetched,
    rowsInTable: placed.rowsInTable,
    fields: rows.fieldNames,
  });
  context.checkBudgets();
}

function autogenerateCount(
  context: ReloadContext,
  part: LoadPart,
  functions: ScriptRowFunctions,
): number {
  if (part.source.kind !== 'autogenerate') return 0;
  const expression = part.source.count;
  const count = numOf(
    locatedIn(expression, () => evaluateScalar(expression.ast, rowLessScope(context, functions))),
  );
  if (!Number.isFinite(count) || count < 0) {
    throw context.error(
      'INVALID_ARGUMENT',
      `AUTOGENERATE needs a row count of 0 or more, "${expression.text.trim()}" gives ${count}`,
    );
  }
  context.checkBudgets(Math.floor(count));
  return Math.floor(count);
}
