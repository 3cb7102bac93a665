import type { Json, JsonObject } from '../deps.js';

/**
 * The properties → layout rule (engine-protocol.md §3.1): keys are copied at any depth, except
 * that every known `q…Def` node becomes its computed node (`qHyperCubeDef` → `qHyperCube`, also
 * inside arrays), `{qStringExpression}` / `{qValueExpression}` objects become their values and
 * `qLayoutExclude` is dropped. What a node computes to is the `NodeComputer`'s business.
 */
export type DefKind =
  | 'qHyperCubeDef'
  | 'qListObjectDef'
  | 'qSelectionObjectDef'
  | 'qChildListDef'
  | 'qAppObjectListDef'
  | 'qFieldListDef'
  | 'qDimensionListDef'
  | 'qMeasureListDef'
  | 'qBookmarkListDef'
  | 'qVariableListDef'
  | 'qUndoInfoDef'
  | 'qMetaDef';

export const DEF_KINDS: ReadonlySet<string> = new Set<DefKind>([
  'qHyperCubeDef',
  'qListObjectDef',
  'qSelectionObjectDef',
  'qChildListDef',
  'qAppObjectListDef',
  'qFieldListDef',
  'qDimensionListDef',
  'qMeasureListDef',
  'qBookmarkListDef',
  'qVariableListDef',
  'qUndoInfoDef',
  'qMetaDef',
]);

export interface NodeComputer {
  /** Computes the node for a def found at `path` (a JSON pointer to the def). */
  computeDef(kind: DefKind, def: JsonObject, path: string): Promise<Json>;
  /** Evaluates a `qStringExpression` (as text) or `qValueExpression` (as number). */
  evaluate(expression: string, as: 'string' | 'value'): Promise<Json>;
}

function expressionText(node: Json | undefined): string | null {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && !Array.isArray(node) && typeof node.qExpr === 'string') {
    return node.qExpr;
  }
  return null;
}

export async function buildLayout(
  properties: JsonObject,
  computer: NodeComputer,
): Promise<JsonObject> {
  return (await walk(properties, '', computer)) as JsonObject;
}

async function walk(node: Json, path: string, computer: NodeComputer): Promise<Json> {
  if (Array.isArray(node)) {
    const out: Json[] = [];
    for (let i = 0; i < node.length; i++) {
      out.push(await walk(node[i] ?? null, `${path}/${i}`, computer));
    }
    return out;
  }
  if (node === null || typeof node !== 'object') return node;
  if ('qStringExpression' in node) {
    const text = expressionText(node.qStringExpression);
    if (text !== null) return computer.evaluate(text, 'string');
  }
  if ('qValueExpression' in node) {
    const text = expressionText(node.qValueExpression);
    if (text !== null) return computer.evaluate(text, 'value');
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'qLayoutExclude') continue;
    const childPath = `${path}/${key}`;
    if (
      DEF_KINDS.has(key) &&
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value)
    ) {
      out[key.slice(0, -3)] = await computer.computeDef(key as DefKind, value, childPath);
    } else {
      out[key] = await walk(value, childPath, computer);
    }
  }
  return out;
}

/** Whether a property tree contains anything whose value depends on data or selections. */
export function dependsOnData(node: Json): boolean {
  if (Array.isArray(node)) return node.some(dependsOnData);
  if (node === null || typeof node !== 'object') return false;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'qLayoutExclude') continue;
    if (
      key === 'qHyperCubeDef' ||
      key === 'qListObjectDef' ||
      key === 'qSelectionObjectDef' ||
      key === 'qStringExpression' ||
      key === 'qValueExpression'
    ) {
      return true;
    }
    if (dependsOnData(value)) return true;
  }
  return false;
}

/** The def nodes a property tree holds, for list invalidation (`qAppObjectListDef` etc.). */
export function listKinds(node: Json, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) listKinds(item, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.endsWith('ListDef')) found.add(key);
      listKinds(value, found);
    }
  }
  return found;
}
