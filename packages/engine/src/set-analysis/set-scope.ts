import type { CalcContext } from '../calc/calc-context.js';
import { computeCubeTable } from '../calc/cube-table.js';
import { EngineError, engineErrorCodes } from '../calc/engine-error.js';
import { resultKey } from '../calc/result-cache.js';
import { type RowScope, rowsOfMask, scopeOf } from '../calc/row-scope.js';
import { parseExpression } from '../expression/parser.js';
import type { SetExpression, SetTerm } from '../expression/set-ast.js';
import type { Inference } from '../inference/inference.js';
import type { DataModel } from '../model/data-model.js';
import { type ElementScope, evaluateElementSet } from './element-set.js';
import { combineSymbols, type SetSelections, temporaryView } from './temporary-state.js';

/**
 * Set analysis (research/script-qvd.md §5.4): a set expression names a set of records. A natural
 * set (an identifier with modifiers) is a temporary selection state, whose inference gives the
 * possible records of every table; `+ - * /` and unary `-` combine record sets table by table.
 */
export function setScope(ctx: CalcContext, set: SetExpression, root?: number): RowScope {
  if (set.kind === 'setTerm') {
    const selections = termSelections(ctx, set);
    if (!selections) return scopeOf(emptyInference(ctx.model));
    if (root !== undefined && onlyIn(ctx, selections, root))
      return directScope(ctx, selections, root);
    return scopeOf(inferSelections(ctx, selections));
  }
  const masks = setMasks(ctx, set);
  const lists = new Map<number, Int32Array | null>();
  return {
    stateKey: `set:${setKey(ctx, set)}`,
    rows(table) {
      let list = lists.get(table);
      if (list === undefined) {
        const mask = masks[table]!;
        let count = 0;
        for (let i = 0; i < mask.length; i++) count += mask[i]!;
        list = rowsOfMask(mask, count);
        lists.set(table, list);
      }
      return list;
    },
  };
}

/** Whether every selected field is held by `root` alone (no other table sees the selection). */
function onlyIn(ctx: CalcContext, selections: SetSelections, root: number): boolean {
  for (const field of selections.keys()) {
    const tables = ctx.model.fields[field]!.tables;
    if (tables.length !== 1 || tables[0] !== root) return false;
  }
  return true;
}

/**
 * The scope of a set whose selections all sit in fields only `root` holds, for aggregations
 * over `root`: its records are the rows matching every selection, read straight off the code
 * columns without inference. Every record another table links to such a row is in a combination
 * that satisfies the selections too, so the other tables keep all rows: this scope is only valid
 * for calculations rooted at `root`, which its state key records.
 */
function directScope(ctx: CalcContext, selections: SetSelections, root: number): RowScope {
  const view = temporaryView(ctx.model.id, selections);
  const key = resultKey(
    'set-rows',
    ctx.model.id,
    `${view.hash()}@${root}`,
    '',
    ctx.dataReductionKey,
  );
  let rows = ctx.cache?.get<Int32Array | null>(key);
  if (rows === undefined) {
    rows = matchingRows(ctx, selections, root);
    ctx.cache?.set(key, rows, Math.max(1, (rows?.length ?? 0) >> 6));
  }
  const list = rows;
  return { stateKey: key, rows: (table) => (table === root ? list : null) };
}

function matchingRows(
  ctx: CalcContext,
  selections: SetSelections,
  root: number,
): Int32Array | null {
  const table = ctx.model.tables[root]!;
  if (selections.size === 0) return null;
  const tests = [...selections].map(([field, symbols]) => {
    const accept = new Uint8Array(ctx.model.fields[field]!.symbols.size + 1);
    for (const symbol of symbols) accept[symbol + 1] = 1;
    return { accept, codes: table.columns.find((c) => c.field === field)!.codes };
  });
  // One pass for the first selection into a row list, then each further one filters the list.
  const [first, ...rest] = tests as [(typeof tests)[0], ...typeof tests];
  const scratch = new Int32Array(table.rowCount);
  let count = 0;
  for (let row = 0; row < table.rowCount; row++) {
    if (first.accept[first.codes[row]!] === 1) scratch[count++] = row;
  }
  for (const { accept, codes } of rest) {
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const row = scratch[i]!;
      if (accept[codes[row]!] === 1) scratch[kept++] = row;
    }
    count = kept;
  }
  return count === table.rowCount ? null : scratch.slice(0, count);
}

/** A key naming the records of a combined set: its terms' state hashes and the operators. */
function setKey(ctx: CalcContext, set: SetExpression): string {
  if (set.kind === 'setTerm')
    return (termInference(ctx, set) ?? emptyInference(ctx.model)).stateHash;
  if (set.kind === 'setComplement') return `-(${setKey(ctx, set.operand)})`;
  return `(${setKey(ctx, set.left)}${set.op}${setKey(ctx, set.right)})`;
}

/** The inference of a set with no records: every value excluded, no row possible. */
function emptyInference(model: DataModel): Inference {
  const counts = {
    qLocked: 0,
    qSelected: 0,
    qOption: 0,
    qDeselected: 0,
    qAlternative: 0,
    qExcluded: 0,
    qSelectedExcluded: 0,
    qLockedExcluded: 0,
  };
  return {
    modelId: model.id,
    stateHash: 'empty',
    fields: model.fields.map((f) => ({
      field: f.index,
      states: new Uint8Array(f.symbols.size + 1),
      counts: { ...counts, qExcluded: f.symbols.size },
    })),
    tables: model.tables.map((t) => ({
      table: t.index,
      possible: new Uint8Array(t.rowCount),
      possibleCount: 0,
    })),
  };
}

/** The inference of a natural set term, for P()/E() and for the term's own records. */
export function termInference(ctx: CalcContext, term: SetTerm): Inference | null {
  const selections = termSelections(ctx, term);
  return selections ? inferSelections(ctx, selections) : null;
}

function setMasks(ctx: CalcContext, set: SetExpression): Uint8Array[] {
  switch (set.kind) {
    case 'setTerm': {
      const inference = termInference(ctx, set) ?? emptyInference(ctx.model);
      return inference.tables.map((t) => t.possible);
    }
    case 'setComplement':
      return setMasks(ctx, set.operand).map((mask) => mask.map((bit) => bit ^ 1));
    case 'setOperation': {
      const left = setMasks(ctx, set.left);
      const right = setMasks(ctx, set.right);
      return left.map((l, t) => combineMasks(set.op, l, right[t]!));
    }
    default:
      return assertNever(set);
  }
}

function combineMasks(op: '+' | '-' | '*' | '/', left: Uint8Array, right: Uint8Array): Uint8Array {
  const out = new Uint8Array(left.length);
  for (let i = 0; i < out.length; i++) {
    const a = left[i]!;
    const b = right[i]!;
    out[i] = op === '+' ? a | b : op === '*' ? a & b : op === '-' ? a & (b ^ 1) : a ^ b;
  }
  return out;
}

/**
 * Selections of an identifier after its modifiers; null when a modifier selects nothing at all
 * (`<F={'no such value'}>`), a set with no records.
 */
function termSelections(ctx: CalcContext, term: SetTerm): SetSelections | null {
  const selections = identifierSelections(ctx, term.identifier);
  const base = new Map(selections);
  const elementScope: ElementScope = {
    ctx,
    selected: (field) => base.get(field.index) ?? [],
    statesUnder: (set, field) => {
      const inference = set ? setInference(ctx, set) : ctx.inference;
      return inference.fields[field.index]!.states;
    },
    expressionMatches: (field, source) => expressionMatches(ctx, field.index, source),
  };
  for (const modifier of term.modifier ?? []) {
    const field = ctx.model.fieldByName(modifier.field);
    // Qlik ignores a modifier on a field the model does not have.
    if (!field) continue;
    if (!modifier.elements) {
      selections.delete(field.index);
      continue;
    }
    const named = evaluateElementSet(elementScope, field, modifier.elements);
    const current = base.get(field.index) ?? allSymbols(field.symbols.size);
    const chosen = modifier.op === '=' ? named : combineSymbols(opOf(modifier.op), current, named);
    if (chosen.length === 0) return null;
    selections.set(field.index, chosen);
  }
  return selections;
}

function opOf(op: '+=' | '-=' | '*=' | '/='): '+' | '-' | '*' | '/' {
  return op[0] as '+' | '-' | '*' | '/';
}

function allSymbols(size: number): number[] {
  return Array.from({ length: size }, (_, i) => i);
}

function identifierSelections(ctx: CalcContext, identifier: string | null): SetSelections {
  if (identifier === null || identifier === '$') {
    return new Map(ctx.state.selectedFields().map((f) => [f, ctx.state.selectedSymbols(f)]));
  }
  if (identifier === '1') return new Map();
  const back = /^\$(\d+)$/.exec(identifier);
  if (back) {
    // Known gap: SelectionState keeps its history private, so `$n` works only where the
    // caller's state offers `backSelections` (CalcState); otherwise this raises error 2.
    const snapshot = ctx.state.backSelections?.(Number(back[1]));
    if (snapshot) return new Map(snapshot);
    throw new EngineError(
      engineErrorCodes.notFound,
      identifier,
      `Set identifier '${identifier}' steps back further than the selection history goes`,
    );
  }
  // Bookmarks and alternate states arrive with issue 2's successor; name what is missing.
  throw new EngineError(
    engineErrorCodes.notFound,
    identifier,
    `Set identifier '${identifier}' names no bookmark or state known to this calculation`,
  );
}

/** A set used by P()/E(): natural sets only (help "Set modifiers using set functions"). */
function setInference(ctx: CalcContext, set: SetExpression): Inference {
  if (set.kind !== 'setTerm') {
    throw new EngineError(
      engineErrorCodes.invalidParameters,
      set.kind,
      'P() and E() take a natural set: an identifier with modifiers, no set operators',
    );
  }
  return termInference(ctx, set) ?? emptyInference(ctx.model);
}

function expressionMatches(ctx: CalcContext, field: number, source: string): number[] {
  const table = computeCubeTable(ctx, [field], [parseExpression(source)]);
  const result = table.measures[0]!;
  const matches: number[] = [];
  for (let g = 0; g < table.index.size; g++) {
    const code = table.index.code(g, 0);
    const num = result.nums[g]!;
    if (code > 0 && !Number.isNaN(num) && num !== 0) matches.push(code - 1);
  }
  return matches.sort((a, b) => a - b);
}

/** Temporary inferences of contexts without a shared cache, kept for one context's lifetime. */
const contextInferences = new WeakMap<CalcContext, Map<string, Inference>>();

/**
 * Infers a temporary state. With the app's shared cache the inference is kept there (another
 * session's `{<Year={2024}>}` costs a lookup); without one, only for this context.
 */
function inferSelections(ctx: CalcContext, selections: SetSelections): Inference {
  const view = temporaryView(ctx.model.id, selections);
  const key = resultKey('set-inference', ctx.model.id, view.hash(), '', ctx.dataReductionKey);
  let local = contextInferences.get(ctx);
  const cached = ctx.cache ? ctx.cache.get<Inference>(key) : local?.get(key);
  if (cached) return cached;
  const infer = ctx.infer;
  if (!infer) {
    throw new EngineError(
      engineErrorCodes.invalidParameters,
      'infer',
      'Set analysis needs inference, which the calculation context lacks',
    );
  }
  const inference = infer(ctx.model, view);
  if (ctx.cache) {
    // Cost in cells: one per row and symbol state held.
    const cost = inference.tables.reduce((n, t) => n + t.possible.length, 0) / 64;
    ctx.cache.set(key, inference, Math.max(1, Math.round(cost)));
  } else {
    if (!local) {
      local = new Map();
      contextInferences.set(ctx, local);
    }
    local.set(key, inference);
  }
  return inference;
}

function assertNever(value: never): never {
  throw new Error(`unexpected set expression ${JSON.stringify(value)}`);
}
