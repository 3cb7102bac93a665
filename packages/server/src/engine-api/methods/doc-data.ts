import { getFieldsFromExpression, parseExpression } from '@cairn/engine';
import type { Json, JsonObject } from '../deps.js';
import { EngineError, ErrorCode, objectNotFound } from '../protocol/engine-error.js';
import { bool, num, str } from '../protocol/params.js';
import type { DocSession } from '../session/doc-session.js';
import { endSelections } from '../session/modal.js';
import { docOf, type Method, qReturn } from './context.js';
import { searchResults, searchSuggest } from './search.js';
import { tableData, tablesAndKeys } from './tables.js';

/** Strips `[...]` around a field name as written in expressions and defs. */
export function fieldName(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
}

export function requireField(doc: DocSession, name: string) {
  const field = doc.calculator?.model.fieldByName(fieldName(name));
  if (!field) throw objectNotFound(name);
  return field;
}

function requireCalc(doc: DocSession) {
  const calc = doc.calculator;
  const inputs = doc.inputs();
  if (!calc || !inputs) {
    throw new EngineError(ErrorCode.appInvalid, doc.appId, 'App has no data: reload it first');
  }
  return { calc, inputs };
}

const GetField: Method = (ctx, params) => {
  const field = requireField(docOf(ctx), str(params, 'qFieldName'));
  return qReturn(ctx, 'Field', field.name);
};

const GetFieldDescription: Method = (ctx, params) => {
  const doc = docOf(ctx);
  const field = requireField(doc, str(params, 'qFieldName'));
  const model = doc.calculator?.model;
  return {
    qReturn: {
      qInternalNumber: field.index,
      qName: field.name,
      qSrcTables: field.tables.map((t) => model?.tables[t]?.name ?? ''),
      qIsSystem: field.isSystem,
      qIsHidden: field.tags.includes('$hidden'),
      qIsSemantic: false,
      qDistinctOnly: false,
      qCardinal: field.symbols.size,
      qTotalCount: field.symbols.size,
      qIsLocked: false,
      qAlwaysOneSelected: false,
      qAndMode: false,
      qIsNumeric: field.tags.includes('$numeric'),
      qComment: field.comment,
      qTags: [...field.tags],
      qIsDefinitionOnly: false,
      qByteSize: 0,
    },
  };
};

const EvaluateEx: Method = async (ctx, params) => {
  const { calc, inputs } = requireCalc(docOf(ctx));
  const value = await calc.evaluate(inputs, str(params, 'qExpression'));
  return { qValue: { qText: value.qText, qIsNumeric: value.qIsNumeric, qNumber: value.qNum } };
};

/** Evaluate answers text; a failed expression comes back as "Error: ..." text, not an error. */
const Evaluate: Method = async (ctx, params) => {
  const { calc, inputs } = requireCalc(docOf(ctx));
  try {
    const value = await calc.evaluate(inputs, str(params, 'qExpression'));
    return { qReturn: value.qText };
  } catch (error) {
    return { qReturn: `Error: ${error instanceof Error ? error.message : String(error)}` };
  }
};

function parse(text: string) {
  return parseExpression(text.trim().startsWith('=') ? text.trim().slice(1) : text);
}

const GetFieldsFromExpression: Method = (ctx, params) => {
  const doc = docOf(ctx);
  const fields = getFieldsFromExpression(parse(str(params, 'qExpr')));
  const known = fields.read.filter((f) => doc.calculator?.model.fieldByName(f));
  return { qFieldNames: [...new Set(known)] };
};

/** CheckExpression: the parse error text, or the ranges of field names the model lacks. */
const CheckExpression: Method = (ctx, params) => {
  const doc = docOf(ctx);
  const text = str(params, 'qExpr');
  try {
    const fields = getFieldsFromExpression(parse(text));
    const variables = new Set(doc.variables().map((v) => v.name));
    const bad: Json[] = [];
    for (const name of new Set(fields.read)) {
      if (doc.calculator?.model.fieldByName(name) || variables.has(name)) continue;
      const at = text.indexOf(name);
      bad.push({ qFrom: Math.max(at, 0), qCount: name.length });
    }
    return { qErrorMsg: '', qBadFieldNames: bad, qDangerousFieldNames: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { qErrorMsg: message, qBadFieldNames: [], qDangerousFieldNames: [] };
  }
};

function selectionMethod(change: (doc: DocSession, params: Record<string, Json>) => void): Method {
  return (ctx, params) => {
    change(docOf(ctx), params);
    return {};
  };
}

const ClearAll = selectionMethod((doc, params) =>
  doc.changeSelections((s) => s.clearAll(bool(params, 'qLockedAlso'))),
);

const AbortModal = selectionMethod((doc, params) => endSelections(doc, bool(params, 'qAccept')));

const GetTablesAndKeys: Method = (ctx, params) => {
  const { calc } = requireCalc(docOf(ctx));
  return tablesAndKeys(calc.model, bool(params, 'qIncludeSysVars'));
};

const GetTableData: Method = (ctx, params) => {
  const { calc } = requireCalc(docOf(ctx));
  const rows = tableData(
    calc.model,
    str(params, 'qTableName'),
    num(params, 'qOffset'),
    num(params, 'qRows'),
  );
  if (!rows) throw objectNotFound(str(params, 'qTableName'));
  return { qData: rows };
};

const SearchResults: Method = (ctx, params) => {
  const { calc, inputs } = requireCalc(docOf(ctx));
  return { qResult: searchResults(calc, inputs, params) as JsonObject };
};

const SearchSuggest: Method = (ctx, params) => {
  const { calc, inputs } = requireCalc(docOf(ctx));
  return { qResult: searchSuggest(calc, inputs, params) as JsonObject };
};

export const docDataMethods: Record<string, Method> = {
  GetField,
  GetFieldDescription,
  Evaluate,
  EvaluateEx,
  GetFieldsFromExpression,
  CheckExpression,
  ClearAll,
  Back: selectionMethod((doc) => doc.changeSelections((s) => s.back())),
  Forward: selectionMethod((doc) => doc.changeSelections((s) => s.forward())),
  LockAll: selectionMethod((doc) => doc.changeSelections((s) => s.lock(null))),
  UnlockAll: selectionMethod((doc) => doc.changeSelections((s) => s.unlock(null))),
  AbortModal,
  GetTablesAndKeys,
  GetTableData,
  SearchResults,
  SearchSuggest,
};
