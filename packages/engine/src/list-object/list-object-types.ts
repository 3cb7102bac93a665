import type { StateCounts } from '../inference/inference.js';
import type { StateLetter } from '../inference/symbol-state.js';
import type { HighlightRange } from '../search/highlight.js';

/** One entry of `qSortCriterias`: 1 ascending, -1 descending, 0 unused (frequency inverted). */
export interface SortCriteria {
  readonly qSortByState?: number;
  readonly qSortByFrequency?: number;
  readonly qSortByNumeric?: number;
  readonly qSortByAscii?: number;
  readonly qSortByLoadOrder?: number;
  readonly qSortByExpression?: number;
}

export type FrequencyMode =
  | 'N'
  | 'V'
  | 'P'
  | 'R'
  | 'NX_FREQUENCY_NONE'
  | 'NX_FREQUENCY_VALUE'
  | 'NX_FREQUENCY_PERCENT'
  | 'NX_FREQUENCY_RELATIVE';

export interface NxPage {
  readonly qTop?: number;
  readonly qLeft?: number;
  readonly qWidth?: number;
  readonly qHeight?: number;
}

/** The parts of Qlik's `qListObjectDef` the engine reads (research/engine-protocol.md §3.5). */
export interface ListObjectDef {
  readonly qStateName?: string;
  readonly qLibraryId?: string;
  readonly qDef: {
    readonly qFieldDefs: readonly string[];
    readonly qFieldLabels?: readonly string[];
    readonly qSortCriterias?: readonly SortCriteria[];
    readonly qReverseSort?: boolean;
    readonly [custom: string]: unknown;
  };
  readonly qShowAlternatives?: boolean;
  readonly qFrequencyMode?: FrequencyMode;
  readonly qInitialDataFetch?: readonly NxPage[];
}

export interface ListObjectCell {
  readonly qText: string;
  /** The number, or the string "NaN" for a value without one (JSON has no NaN). */
  readonly qNum: number | 'NaN';
  readonly qElemNumber: number;
  readonly qState: StateLetter;
  readonly qFrequency?: string;
  readonly qHighlightRanges?: { readonly qRanges: readonly HighlightRange[] };
}

export interface NxDataPage {
  readonly qMatrix: (readonly ListObjectCell[])[];
  readonly qTails: readonly never[];
  readonly qArea: { qTop: number; qLeft: number; qWidth: number; qHeight: number };
}

export interface ListObjectDimensionInfo {
  readonly qFallbackTitle: string;
  readonly qApprMaxGlyphCount: number;
  readonly qCardinal: number;
  readonly qCardinalities: {
    qCardinal: number;
    qHypercubeCardinal: number;
    qAllValuesCardinal: number;
  };
  readonly qSortIndicator: 'A' | 'D';
  readonly qReverseSort: boolean;
  readonly qGroupFallbackTitles: readonly string[];
  readonly qGroupPos: number;
  readonly qGroupFieldDefs: readonly string[];
  readonly qStateCounts: StateCounts;
  readonly qTags: readonly string[];
  readonly qDimensionType: 'D' | 'N' | 'T';
  readonly qGrouping: 'N';
  readonly qNumFormat: {
    qType: 'U';
    qnDec: number;
    qUseThou: number;
    qFmt?: string;
    qDec?: string;
    qThou?: string;
  };
  readonly qIsAutoFormat: boolean;
  readonly qMin: number | 'NaN';
  readonly qMax: number | 'NaN';
  readonly qLocked: boolean;
  readonly qIsOneAndOnlyOne: boolean;
  readonly qIsCalculated: boolean;
  readonly qAttrExprInfo: readonly never[];
  readonly qAttrDimInfo: readonly never[];
  readonly qContinuousAxes: boolean;
  readonly qLibraryId?: string;
  readonly [custom: string]: unknown;
}

/** Qlik's `qListObject` layout. */
export interface ListObjectLayout {
  readonly qStateName: string;
  readonly qSize: { qcx: number; qcy: number };
  readonly qDimensionInfo: ListObjectDimensionInfo;
  readonly qExpressions: readonly never[];
  readonly qDataPages: readonly NxDataPage[];
}
