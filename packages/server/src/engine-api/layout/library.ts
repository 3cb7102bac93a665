import type { Json, JsonObject } from '../deps.js';

/**
 * Resolves `qLibraryId` references in a hypercube or list-object def before the engine sees it
 * (engine-protocol.md §3.4): a dimension takes the master's `qFieldDefs`/`qFieldLabels`/
 * `qGrouping`, a measure the master's `qDef`/`qLabel`; custom (non-q) keys of the inline def
 * stay. An unknown id leaves the entry as it is and reports it through `unresolved`.
 */
export type LibraryLookup = (id: string) => JsonObject | undefined;

function asObject(value: Json | undefined): JsonObject {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function resolveDimension(entry: JsonObject, library: LibraryLookup, unresolved: string[]): Json {
  const id = entry.qLibraryId;
  if (typeof id !== 'string' || id === '') return entry;
  const master = library(id);
  const qDim = asObject(master?.qDim);
  if (!master || !Array.isArray(qDim.qFieldDefs)) {
    unresolved.push(id);
    return entry;
  }
  const inline = asObject(entry.qDef);
  const qDef: JsonObject = { ...inline, qFieldDefs: qDim.qFieldDefs };
  if (Array.isArray(qDim.qFieldLabels)) qDef.qFieldLabels = qDim.qFieldLabels;
  if (typeof qDim.title === 'string' && !qDef.qFieldLabels) qDef.qFieldLabels = [qDim.title];
  if (qDim.qGrouping !== undefined) qDef.qGrouping = qDim.qGrouping;
  return { ...entry, qDef };
}

function resolveMeasure(entry: JsonObject, library: LibraryLookup, unresolved: string[]): Json {
  const id = entry.qLibraryId;
  if (typeof id !== 'string' || id === '') return entry;
  const master = library(id);
  const qMeasure = asObject(master?.qMeasure);
  if (!master || typeof qMeasure.qDef !== 'string') {
    unresolved.push(id);
    return entry;
  }
  const inline = asObject(entry.qDef);
  const qDef: JsonObject = { ...inline, qDef: qMeasure.qDef };
  if (typeof qMeasure.qLabel === 'string' && qMeasure.qLabel !== '') qDef.qLabel = qMeasure.qLabel;
  if (qMeasure.qNumFormat !== undefined) qDef.qNumFormat = qMeasure.qNumFormat;
  return { ...entry, qDef };
}

export function resolveHyperCubeLibrary(
  def: JsonObject,
  library: LibraryLookup,
  unresolved: string[] = [],
): JsonObject {
  const out: JsonObject = { ...def };
  if (Array.isArray(def.qDimensions)) {
    out.qDimensions = def.qDimensions.map((d) =>
      resolveDimension(asObject(d), library, unresolved),
    );
  }
  if (Array.isArray(def.qMeasures)) {
    out.qMeasures = def.qMeasures.map((m) => resolveMeasure(asObject(m), library, unresolved));
  }
  delete out.qLayoutExclude;
  return out;
}

export function resolveListObjectLibrary(
  def: JsonObject,
  library: LibraryLookup,
  unresolved: string[] = [],
): JsonObject {
  return resolveDimension(def, library, unresolved) as JsonObject;
}
