import type { Expression } from '@cairn/engine';

/*
 * The statements of a load script after dollar-sign expansion, as frozen data with a `kind` tag.
 * Offsets (`at`) are relative to the expanded statement text; the runner maps them back to the
 * script as written for error messages.
 */

/** An expression as written plus its parse by the engine. */
export interface ScriptExpression {
  readonly text: string;
  readonly at: number;
  readonly ast: Expression;
}

/** One item of a parenthesised format spec, as words: `delimiter is ','` → ['delimiter','is',',']. */
export type FormatItem = readonly string[];

export type LoadField =
  | { readonly kind: 'star' }
  | { readonly kind: 'field'; readonly expression: ScriptExpression; readonly name: string };

export type LoadSource =
  | { readonly kind: 'file'; readonly path: string; readonly at: number }
  | { readonly kind: 'inline'; readonly data: string }
  | { readonly kind: 'resident'; readonly table: string; readonly at: number }
  | { readonly kind: 'autogenerate'; readonly count: ScriptExpression }
  | { readonly kind: 'preceding' }
  | { readonly kind: 'unsupported'; readonly what: string; readonly at: number };

export interface OrderItem {
  readonly expression: ScriptExpression;
  readonly descending: boolean;
}

/** One LOAD of a statement; a preceding load has source `preceding`. */
export interface LoadPart {
  readonly at: number;
  readonly distinct: boolean;
  readonly fields: readonly LoadField[];
  readonly source: LoadSource;
  readonly format: readonly FormatItem[];
  readonly where: ScriptExpression | null;
  readonly while: ScriptExpression | null;
  readonly groupBy: readonly ScriptExpression[];
  readonly orderBy: readonly OrderItem[];
}

export type JoinKind = 'outer' | 'inner' | 'left' | 'right';

export type LoadPrefix =
  | { readonly kind: 'noconcatenate' }
  | { readonly kind: 'concatenate'; readonly table: string | null }
  | { readonly kind: 'join'; readonly how: JoinKind; readonly table: string | null }
  | { readonly kind: 'keep'; readonly how: JoinKind; readonly table: string | null }
  | { readonly kind: 'mapping' }
  | {
      readonly kind: 'crosstable';
      readonly attribute: string;
      readonly data: string;
      readonly qualifiers: number;
    }
  | { readonly kind: 'first'; readonly count: ScriptExpression }
  | { readonly kind: 'unsupported'; readonly name: string; readonly at: number };

export interface NamePair {
  readonly from: string;
  readonly to: string;
}

export type Statement =
  | {
      readonly kind: 'load';
      readonly label: string | null;
      readonly prefixes: readonly LoadPrefix[];
      readonly part: LoadPart;
    }
  | { readonly kind: 'set'; readonly name: string; readonly value: string | null }
  | { readonly kind: 'let'; readonly name: string; readonly value: ScriptExpression | null }
  | { readonly kind: 'drop-tables'; readonly tables: readonly string[] }
  | {
      readonly kind: 'drop-fields';
      readonly fields: readonly string[];
      readonly from: readonly string[] | null;
    }
  | {
      readonly kind: 'rename';
      readonly target: 'table' | 'field';
      readonly pairs: readonly NamePair[];
    }
  | { readonly kind: 'rename-using'; readonly target: 'table' | 'field'; readonly mapping: string }
  | {
      readonly kind: 'store';
      readonly fields: readonly NamePair[] | null;
      readonly table: string;
      readonly path: string;
      readonly pathAt: number;
      readonly format: readonly FormatItem[];
    }
  | { readonly kind: 'trace'; readonly text: string }
  | { readonly kind: 'sleep'; readonly ms: ScriptExpression }
  | {
      readonly kind: 'tag';
      readonly untag: boolean;
      readonly target: 'field' | 'table';
      readonly names: readonly string[];
      readonly tags: readonly string[];
    }
  | {
      readonly kind: 'comment';
      readonly target: 'field' | 'table';
      readonly names: readonly string[];
      readonly text: string;
    }
  | { readonly kind: 'alias'; readonly pairs: readonly NamePair[] }
  | { readonly kind: 'qualify'; readonly unqualify: boolean; readonly names: readonly string[] }
  | { readonly kind: 'unsupported'; readonly what: string };
