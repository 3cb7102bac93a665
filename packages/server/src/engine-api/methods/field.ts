import type { Value } from '@cairn/engine';
import type { SelectVerb } from '../calc/calculator.js';
import type { Json } from '../deps.js';
import { arr, bool, str } from '../protocol/params.js';
import { docOf, type Method, type MethodContext } from './context.js';
import { requireField } from './doc-data.js';

/**
 * Field methods (engine-protocol.md §2.6): they always commit immediately and answer
 * `{qReturn: boolean}`, false when the field is locked.
 */
function field(ctx: MethodContext) {
  const doc = docOf(ctx);
  return { doc, field: requireField(doc, ctx.entry.id) };
}

function byMatch(toggle: boolean): Method {
  return (ctx, params) => {
    const { doc, field: f } = field(ctx);
    const match = str(params, 'qMatch');
    const ok = doc.changeSelections((s) => s.selectMatch(f.name, match, toggle));
    return { qReturn: ok };
  };
}

function byVerb(verb: SelectVerb): Method {
  return (ctx) => {
    const { doc, field: f } = field(ctx);
    return { qReturn: doc.changeSelections((s) => s.selectVerb(f.name, verb)) };
  };
}

/** FieldValue `{qText, qIsNumeric, qNumber}` → the symbol it names, or -1. */
function symbolOf(find: (v: Value) => number, value: Json): number {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return -1;
  if (value.qIsNumeric === true && typeof value.qNumber === 'number') return find(value.qNumber);
  return typeof value.qText === 'string' ? find(value.qText) : -1;
}

const SelectValues: Method = (ctx, params) => {
  const { doc, field: f } = field(ctx);
  const find = (v: Value) => f.symbols.find(v);
  const symbols = arr(params, 'qFieldValues')
    .map((v) => symbolOf(find, v))
    .filter((s) => s >= 0);
  const toggle = bool(params, 'qToggleMode');
  return { qReturn: doc.changeSelections((s) => s.selectValues(f.name, symbols, toggle)) };
};

export const fieldMethods: Record<string, Method> = {
  Select: byMatch(false),
  ToggleSelect: byMatch(true),
  SelectValues,
  SelectAll: byVerb('all'),
  SelectPossible: byVerb('possible'),
  SelectExcluded: byVerb('excluded'),
  SelectAlternative: byVerb('alternative'),
  Clear: (ctx) => {
    const { doc, field: f } = field(ctx);
    return { qReturn: doc.changeSelections((s) => s.clearField(f.name)) };
  },
  Lock: (ctx) => {
    const { doc, field: f } = field(ctx);
    doc.changeSelections((s) => s.lock(f.name));
    return { qReturn: true };
  },
  Unlock: (ctx) => {
    const { doc, field: f } = field(ctx);
    doc.changeSelections((s) => s.unlock(f.name));
    return { qReturn: true };
  },
  GetCardinal: (ctx) => ({ qReturn: field(ctx).field.symbols.size }),
  GetNxProperties: () => ({ qProperties: { qOneAndOnlyOne: false } }),
};
