/**
 * The parts of Qlik's `HyperCubeDef` a straight cube reads (research/engine-protocol.md §3.2).
 * Clients send more keys; unknown ones are ignored here and copied into info objects where Qlik
 * copies them (every non-`q` key of a dimension's or measure's `qDef`).
 */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

export interface SortCriteria {
  readonly qSortByState?: number;
  readonly qSortByFrequency?: number;
  readonly qSortByNumeric?: number;
  readonly qSortByAscii?: number;
  readonly qSortByLoadOrder?: number;
  readonly qSortByExpression?: number;
  readonly qExpression?: { readonly qv?: string };
}

export interface NumFormat {
  readonly qType?: string;
  readonly qnDec?: number;
  readonly qUseThou?: number;
  readonly qFmt?: string;
  readonly qDec?: string;
  readonly qThou?: string;
}

export interface NxDimension {
  readonly qDef: {
    readonly qFieldDefs: readonly string[];
    readonly qFieldLabels?: readonly string[];
    readonly qSortCriterias?: readonly SortCriteria[];
    readonly qReverseSort?: boolean;
    readonly qLabel?: string;
    readonly [key: string]: unknown;
  };
  readonly qNullSuppression?: boolean;
  readonly qLibraryId?: string;
  readonly [key: string]: unknown;
}

export interface NxMeasure {
  readonly qDef: {
    readonly qDef: string;
    readonly qLabel?: string;
    readonly qNumFormat?: NumFormat;
    readonly qReverseSort?: boolean;
    readonly [key: string]: unknown;
  };
  readonly qSortBy?: SortCriteria;
  readonly qLibraryId?: string;
  readonly [key: string]: unknown;
}

export interface NxPage {
  readonly qTop?: number;
  readonly qLeft?: number;
  readonly qWidth?: number;
  readonly qHeight?: number;
}

export interface HyperCubeDef {
  readonly qStateName?: string;
  readonly qDimensions?: readonly NxDimension[];
  readonly qMeasures?: readonly NxMeasure[];
  readonly qInterColumnSortOrder?: readonly number[];
  readonly qColumnOrder?: readonly number[];
  readonly qInitialDataFetch?: readonly NxPage[];
  readonly qSuppressZero?: boolean;
  readonly qSuppressMissing?: boolean;
  readonly qMode?: string;
  readonly [key: string]: unknown;
}

/** `qNum` travels as the string "NaN" when a cell has no number (JSON has no NaN). */
export type WireNumber = number | 'NaN';

export interface NxCell {
  qText?: string;
  qNum: WireNumber;
  qElemNumber: number;
  qState: string;
  qIsNull?: boolean;
  qIsTotalCell?: boolean;
}

export interface NxDataPage {
  readonly qMatrix: NxCell[][];
  readonly qTails: [];
  readonly qArea: { qLeft: number; qTop: number; qWidth: number; qHeight: number };
  readonly qIsReduced: boolean;
}

export function wireNumber(num: number): WireNumber {
  return Number.isFinite(num) ? num : 'NaN';
}
