import type { Inference } from '../inference/inference.js';
import type { ModelField } from '../model/data-model.js';
import type { ListObjectDef, ListObjectDimensionInfo } from './list-object-types.js';

const emptyCounts = {
  qLocked: 0,
  qSelected: 0,
  qOption: 0,
  qDeselected: 0,
  qAlternative: 0,
  qExcluded: 0,
  qSelectedExcluded: 0,
  qLockedExcluded: 0,
};

/**
 * The single `qDimensionInfo` object of a list object (engine-protocol.md §3.5), with every key
 * the listbox and filter pane read, plus the def's own non-`q` keys copied as the engine does.
 */
export function dimensionInfo(
  field: ModelField,
  def: ListObjectDef,
  inference: Inference,
  locked: boolean,
): ListObjectDimensionInfo {
  const title = def.qDef.qFieldLabels?.[0] || field.name;
  const { min, max, glyphs } = scanSymbols(field);
  const custom = Object.fromEntries(
    Object.entries(def.qDef).filter(([key]) => !key.startsWith('q')),
  );
  const possible = inference.fields[field.index]?.counts ?? emptyCounts;
  const info: ListObjectDimensionInfo = {
    ...custom,
    qFallbackTitle: title,
    qApprMaxGlyphCount: glyphs,
    qCardinal: field.symbols.size,
    qCardinalities: {
      qCardinal: field.symbols.size,
      qHypercubeCardinal: possible.qSelected + possible.qOption + possible.qLocked,
      qAllValuesCardinal: -1,
    },
    qSortIndicator: def.qDef.qReverseSort ? 'D' : 'A',
    qReverseSort: def.qDef.qReverseSort === true,
    qGroupFallbackTitles: [title],
    qGroupPos: 0,
    qGroupFieldDefs: [field.name],
    qStateCounts: possible,
    qTags: field.tags,
    qDimensionType: dimensionType(field.tags),
    qGrouping: 'N',
    qNumFormat: { qType: 'U', qnDec: 10, qUseThou: 0 },
    qIsAutoFormat: true,
    qMin: min,
    qMax: max,
    qLocked: locked,
    qIsOneAndOnlyOne: false,
    qIsCalculated: false,
    qAttrExprInfo: [],
    qAttrDimInfo: [],
    qContinuousAxes: false,
  };
  return def.qLibraryId === undefined ? info : { ...info, qLibraryId: def.qLibraryId };
}

function dimensionType(tags: readonly string[]): 'D' | 'N' | 'T' {
  if (tags.includes('$date') || tags.includes('$timestamp')) return 'T';
  return tags.includes('$numeric') ? 'N' : 'D';
}

function scanSymbols(field: ModelField): {
  min: number | 'NaN';
  max: number | 'NaN';
  glyphs: number;
} {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let glyphs = 0;
  for (let s = 0; s < field.symbols.size; s++) {
    const num = field.symbols.num(s);
    if (!Number.isNaN(num)) {
      if (num < min) min = num;
      if (num > max) max = num;
    }
    const length = field.symbols.text(s).length;
    if (length > glyphs) glyphs = length;
  }
  return min > max ? { min: 'NaN', max: 'NaN', glyphs } : { min, max, glyphs };
}
