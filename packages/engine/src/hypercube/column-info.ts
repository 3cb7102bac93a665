import type { GroupResults } from '../aggregate/group-results.js';
import type { CalcContext } from '../calc/calc-context.js';
import type { ModelField } from '../model/data-model.js';
import { formatMeasure } from './cells.js';
import type { CubeResult } from './cube-result.js';
import { type NxDimension, type NxMeasure, wireNumber } from './hypercube-def.js';
import type { ColumnSort } from './sort-rows.js';

/** Every non-`q` key of a definition object, which Qlik copies into the info object. */
function customKeys(def: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(def).filter(([key]) => !key.startsWith('q')));
}

// Qlik's engine leaves empty strings out of an automatic format; the charts' formatters read a
// present-but-empty qDec or qFmt as a pattern and show 1200 as "0012k".
const defaultNumFormat = { qType: 'U', qnDec: 10, qUseThou: 0 };

/** `NxDimensionInfo` (research/engine-protocol.md §3.2). */
export function dimensionInfo(
  ctx: CalcContext,
  result: CubeResult,
  slot: number,
  def: NxDimension,
  sort: ColumnSort,
): Record<string, unknown> {
  const field = result.columns.dimensions[slot]!;
  const { index } = result.table;
  const seen = new Set<number>();
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let glyphs = 0;
  for (const group of result.rows) {
    const code = index.code(group, slot);
    if (code === 0 || seen.has(code)) continue;
    seen.add(code);
    const num = field.symbols.num(code - 1);
    if (num < min) min = num;
    if (num > max) max = num;
    glyphs = Math.max(glyphs, field.symbols.text(code - 1).length);
  }
  const title = def.qDef.qLabel || def.qDef.qFieldLabels?.[0] || field.name;
  return {
    ...customKeys(def.qDef),
    qFallbackTitle: title,
    qApprMaxGlyphCount: glyphs,
    qCardinal: field.symbols.size,
    qCardinalities: {
      qCardinal: field.symbols.size,
      qHypercubeCardinal: seen.size,
      qAllValuesCardinal: -1,
    },
    qSortIndicator: sort.indicator,
    qReverseSort: def.qDef.qReverseSort === true,
    qGroupFallbackTitles: [title],
    qGroupPos: 0,
    qGroupFieldDefs: [field.name],
    qStateCounts: ctx.inference.fields[field.index]!.counts,
    qTags: [...field.tags],
    qDimensionType: dimensionType(field),
    qGrouping: 'N',
    qNumFormat: defaultNumFormat,
    qIsAutoFormat: true,
    qMin: wireNumber(Number.isFinite(min) ? min : Number.NaN),
    qMax: wireNumber(Number.isFinite(max) ? max : Number.NaN),
    qLocked: ctx.state.isLocked(field.index),
    qIsOneAndOnlyOne: false,
    qAttrExprInfo: [],
    qAttrDimInfo: [],
    qContinuousAxes: false,
    qIsCalculated: false,
    ...(def.qLibraryId ? { qLibraryId: def.qLibraryId } : {}),
  };
}

function dimensionType(field: ModelField): 'N' | 'D' | 'T' {
  if (field.tags.includes('$timestamp') || field.tags.includes('$date')) return 'T';
  return field.tags.includes('$numeric') ? 'N' : 'D';
}

/** `NxMeasureInfo`: qMin/qMax over the shown rows ("NaN" when none is numeric). */
export function measureInfo(
  ctx: CalcContext,
  result: CubeResult,
  j: number,
  def: NxMeasure,
  sort: ColumnSort,
): Record<string, unknown> {
  const values: GroupResults = result.table.measures[j]!;
  const groups = result.columns.dimensions.length === 0 ? [0] : result.rows;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let glyphs = 0;
  for (const group of groups) {
    const num = values.nums[group]!;
    if (Number.isNaN(num)) continue;
    if (num < min) min = num;
    if (num > max) max = num;
  }
  if (Number.isFinite(max)) glyphs = formatMeasure(max, def.qDef.qNumFormat, ctx.locale).length;
  return {
    ...customKeys(def.qDef),
    qFallbackTitle: def.qDef.qLabel || result.columns.measureTexts[j]!,
    qApprMaxGlyphCount: glyphs,
    qCardinal: 0,
    qSortIndicator: sort.indicator,
    qReverseSort: def.qDef.qReverseSort === true,
    qNumFormat: def.qDef.qNumFormat ?? defaultNumFormat,
    qIsAutoFormat: !def.qDef.qNumFormat || def.qDef.qNumFormat.qType === 'U',
    qMin: wireNumber(Number.isFinite(min) ? min : Number.NaN),
    qMax: wireNumber(Number.isFinite(max) ? max : Number.NaN),
    qAttrExprInfo: [],
    qAttrDimInfo: [],
    qTrendLines: [],
    ...(def.qLibraryId ? { qLibraryId: def.qLibraryId } : {}),
  };
}
