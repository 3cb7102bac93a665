import type { CalcInputs } from '../calc/calculator.js';
import type { Json, JsonObject } from '../deps.js';
import { getAt } from '../layout/json-pointer.js';
import { resolveHyperCubeLibrary, resolveListObjectLibrary } from '../layout/library.js';
import { overlayModalPages } from '../layout/modal-overlay.js';
import { libraryOf, modalInputs } from '../layout/object-layout.js';
import { EngineError, ErrorCode, invalidPath } from '../protocol/engine-error.js';
import { arr, type Params, str } from '../protocol/params.js';
import type { DocSession } from '../session/doc-session.js';
import type { EngineLimits } from '../transport/limits.js';
import type { MethodContext } from './context.js';
import { self } from './generic-object.js';

/** Reading a def at a `qPath` and fetching its data pages, modal-aware (§3.9). */
export interface DefTarget {
  readonly doc: DocSession;
  readonly objectId: string;
  readonly path: string;
  readonly kind: 'cube' | 'list';
  /** The def with `qLibraryId`s resolved. */
  readonly def: JsonObject;
}

export function listSearchKey(objectId: string, path: string): string {
  return `${objectId}\u0000${path}`;
}

export function defAt(ctx: MethodContext, path: string): DefTarget {
  const { doc, record } = self(ctx);
  const node = getAt(doc.effectiveProperties(record.id), path);
  const kind = path.endsWith('qHyperCubeDef')
    ? 'cube'
    : path.endsWith('qListObjectDef')
      ? 'list'
      : null;
  if (!kind || !node || typeof node !== 'object' || Array.isArray(node)) throw invalidPath(path);
  const library = libraryOf(doc);
  const def =
    kind === 'cube'
      ? resolveHyperCubeLibrary(node, library)
      : resolveListObjectLibrary(node, library);
  return { doc, objectId: record.id, path, kind, def };
}

function requireInputs(target: DefTarget): { inputs: CalcInputs; frozen: CalcInputs | null } {
  const inputs = target.doc.inputs();
  if (!inputs || !target.doc.calculator) {
    throw new EngineError(ErrorCode.appInvalid, target.path, 'App has no data: reload it first');
  }
  return { inputs, frozen: modalInputs(target.doc, target.objectId, target.path) };
}

/** NxPage with missing fields as 0 (the KPI sends no qTop/qLeft, §2.1), checked against 7009. */
export function normalisePages(raw: Json[], limits: EngineLimits): JsonObject[] {
  return raw.map((page, i) => {
    const p = page && typeof page === 'object' && !Array.isArray(page) ? page : {};
    const n = (key: string) => Math.max(0, Math.floor(Number(p[key] ?? 0) || 0));
    const out = { qTop: n('qTop'), qLeft: n('qLeft'), qWidth: n('qWidth'), qHeight: n('qHeight') };
    if (out.qWidth * out.qHeight > limits.maxPageCells) {
      throw new EngineError(
        ErrorCode.pagesTooLarge,
        `qPages[${i}]`,
        `Pages too large: ${out.qWidth}x${out.qHeight} cells exceeds the limit of ` +
          `${limits.maxPageCells} cells per page`,
      );
    }
    return out;
  });
}

export async function fetchPages(target: DefTarget, pages: JsonObject[]): Promise<Json[]> {
  const calc = target.doc.calculator;
  const { inputs, frozen } = requireInputs(target);
  if (!calc) return [];
  const data =
    target.kind === 'cube'
      ? await calc.hyperCubeData(frozen ?? inputs, target.def, pages)
      : await calc.listObjectData(
          frozen ?? inputs,
          target.def,
          pages,
          target.doc.listSearches.get(listSearchKey(target.objectId, target.path)),
        );
  return frozen ? overlayModalPages(data, target.def, inputs.selections) : data;
}

export async function dataPages(
  ctx: MethodContext,
  params: Params,
  kind: 'cube' | 'list',
): Promise<JsonObject> {
  const target = defAt(ctx, str(params, 'qPath'));
  if (target.kind !== kind) throw invalidPath(target.path);
  const pages = normalisePages(arr(params, 'qPages'), ctx.env.limits);
  return { qDataPages: await fetchPages(target, pages) };
}
