import type { SourceText } from './source-text.js';

/** Control statements, recognised on the text before dollar-sign expansion (research §4.1). */
export type ControlKeyword =
  | 'if'
  | 'elseif'
  | 'else'
  | 'endif'
  | 'for'
  | 'next'
  | 'do'
  | 'loop'
  | 'sub'
  | 'endsub'
  | 'call'
  | 'switch'
  | 'case'
  | 'default'
  | 'endswitch'
  | 'exit';

/** One statement as written: comments blanked to spaces (offsets stay true), no closing `;`. */
export interface RawStatement {
  readonly source: SourceText;
  /** Offset of the statement's first character in `source.text`. */
  readonly start: number;
  readonly text: string;
  readonly control: ControlKeyword | null;
}

const IDENT_CHAR = /[\w.$%#@\u00C0-\uFFFF]/;

/** Keywords that end at their last word, whatever follows on the line. */
const WORD_ONLY: ReadonlySet<ControlKeyword> = new Set([
  'else',
  'endif',
  'endsub',
  'endswitch',
  'default',
]);

/**
 * Splits a script into statements at `;` outside quotes, brackets, comments and `$( )`; control
 * statements (IF … THEN, NEXT, LOOP, …) may also end at the end of their line, as Qlik allows.
 * `REM` at the start of a statement comments out everything up to the next `;`.
 */
export function splitStatements(source: SourceText): RawStatement[] {
  return new Splitter(source).run();
}

class Splitter {
  private readonly text: string;
  private readonly statements: RawStatement[] = [];

  constructor(private readonly source: SourceText) {
    this.text = source.text;
  }

  run(): RawStatement[] {
    let i = 0;
    for (;;) {
      i = this.skipTrivia(i);
      if (i >= this.text.length) return this.statements;
      const first = this.wordAt(i);
      if (first.toLowerCase() === 'rem') {
        i = this.skipRem(i);
        continue;
      }
      const control = this.controlAt(i, first);
      i = control === null ? this.regular(i) : this.controlStatement(i, control, first);
    }
  }

  private regular(start: number): number {
    const end = this.scan(start, (at) => this.text[at] === ';');
    this.push(start, end, null);
    return end + 1;
  }

  private controlStatement(start: number, control: ControlKeyword, first: string): number {
    let end: number;
    if (WORD_ONLY.has(control)) {
      end = start + first.length;
      if (first.toLowerCase() === 'end')
        end = this.skipSpaces(end) + this.wordAt(this.skipSpaces(end)).length;
    } else if (control === 'if' || control === 'elseif') {
      end = this.scan(start, (at) => this.text[at] === ';' || this.isWordAt(at, 'then'));
      if (this.isWordAt(end, 'then')) end += 4;
    } else {
      end = this.scan(
        start,
        (at, depth) => this.text[at] === ';' || (depth === 0 && this.text[at] === '\n'),
      );
    }
    this.push(start, end, control);
    // A `;` right after a control statement on the same line belongs to it (`END IF;`, `Next;`).
    let after = end;
    while (after < this.text.length && (this.text[after] === ' ' || this.text[after] === '\t'))
      after++;
    return this.text[after] === ';' ? after + 1 : end;
  }

  private push(start: number, end: number, control: ControlKeyword | null): void {
    const text = this.blank(start, end);
    if (text.trim() === '') return;
    this.statements.push({ source: this.source, start, text, control });
  }

  /**
   * Advances from `start` to the first position where `stop` holds outside quotes, comments and
   * expansions (or to the end). `depth` counts open parentheses.
   */
  private scan(start: number, stop: (at: number, depth: number) => boolean): number {
    let depth = 0;
    let i = start;
    while (i < this.text.length) {
      const c = this.text[i] as string;
      if (this.commentLength(i) > 0) {
        i += this.commentLength(i);
        if (this.text[i - 1] === '\n') i--;
        continue;
      }
      if (stop(i, depth)) return i;
      if (c === "'" || c === '"' || c === '[' || c === '`') i = this.skipQuoted(i);
      else if (c === '$' && this.text[i + 1] === '(') i = this.skipExpansion(i);
      else {
        if (c === '(') depth++;
        else if (c === ')' && depth > 0) depth--;
        i++;
      }
    }
    return i;
  }

  /** The statement text with its comments turned into spaces (newlines kept). */
  private blank(start: number, end: number): string {
    let out = '';
    let i = start;
    while (i < end) {
      const c = this.text[i] as string;
      const comment = this.commentLength(i);
      if (comment > 0) {
        const stopAt = Math.min(end, i + comment);
        out += this.text.slice(i, stopAt).replace(/[^\n]/g, ' ');
        i = stopAt;
      } else if (c === "'" || c === '"' || c === '[' || c === '`') {
        const next = Math.min(end, this.skipQuoted(i));
        out += this.text.slice(i, next);
        i = next;
      } else if (c === '$' && this.text[i + 1] === '(') {
        const next = Math.min(end, this.skipExpansion(i));
        out += this.text.slice(i, next);
        i = next;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  }

  /** Length of a comment starting at `i`, 0 when none. `//` right after `:` is a URL (`lib://`). */
  private commentLength(i: number): number {
    const t = this.text;
    if (t[i] !== '/') return 0;
    if (t[i + 1] === '/' && t[i - 1] !== ':') {
      const eol = t.indexOf('\n', i);
      return (eol < 0 ? t.length : eol + 1) - i;
    }
    if (t[i + 1] === '*') {
      const close = t.indexOf('*/', i + 2);
      if (close < 0)
        throw this.source.error('UNTERMINATED_COMMENT', 'block comment is not closed with */', i);
      return close + 2 - i;
    }
    return 0;
  }

  private skipQuoted(i: number): number {
    const open = this.text[i] as string;
    const close = open === '[' ? ']' : open;
    let j = i + 1;
    for (;;) {
      const found = this.text.indexOf(close, j);
      if (found < 0) {
        const what = open === '[' ? 'bracketed name' : 'quoted text';
        throw this.source.error('UNTERMINATED_QUOTE', `${what} is not closed with ${close}`, i);
      }
      if (this.text[found + 1] === close) j = found + 2;
      else return found + 1;
    }
  }

  private skipExpansion(i: number): number {
    let depth = 0;
    let j = i + 1;
    while (j < this.text.length) {
      const c = this.text[j];
      if (c === '(') depth++;
      else if (c === ')') {
        depth--;
        if (depth === 0) return j + 1;
      } else if (c === "'" || c === '"' || c === '[' || c === '`') {
        j = this.skipQuoted(j);
        continue;
      }
      j++;
    }
    throw this.source.error(
      'UNTERMINATED_EXPANSION',
      'dollar-sign expansion is not closed with )',
      i,
    );
  }

  private skipTrivia(i: number): number {
    while (i < this.text.length) {
      const c = this.text[i] as string;
      if (c === ';' || c === '\uFEFF' || /\s/.test(c)) i++;
      else if (this.commentLength(i) > 0) i += this.commentLength(i);
      else break;
    }
    return i;
  }

  private skipSpaces(i: number): number {
    while (i < this.text.length && /[ \t]/.test(this.text[i] as string)) i++;
    return i;
  }

  private skipRem(i: number): number {
    const end = this.text.indexOf(';', i);
    return end < 0 ? this.text.length : end + 1;
  }

  private wordAt(i: number): string {
    let j = i;
    while (j < this.text.length && IDENT_CHAR.test(this.text[j] as string)) j++;
    return this.text.slice(i, j);
  }

  private isWordAt(i: number, word: string): boolean {
    if (i > 0 && IDENT_CHAR.test(this.text[i - 1] as string)) return false;
    return this.wordAt(i).toLowerCase() === word;
  }

  private controlAt(i: number, first: string): ControlKeyword | null {
    const after = this.skipSpaces(i + first.length);
    const next = this.text[after];
    // `Case:` is a table label and `Next = 1` a variable, not control statements.
    if ((next === ':' && this.text[after + 1] !== ':') || next === '=') return null;
    const word = first.toLowerCase();
    switch (word) {
      case 'end': {
        const second = this.wordAt(after).toLowerCase();
        if (second === 'if' || second === 'sub' || second === 'switch') {
          return `end${second}` as ControlKeyword;
        }
        return null;
      }
      case 'exit': {
        const second = this.wordAt(after).toLowerCase();
        return ['for', 'do', 'sub', 'script'].includes(second) ? 'exit' : null;
      }
      case 'if':
      case 'elseif':
      case 'else':
      case 'endif':
      case 'for':
      case 'next':
      case 'do':
      case 'loop':
      case 'sub':
      case 'endsub':
      case 'call':
      case 'switch':
      case 'case':
      case 'default':
      case 'endswitch':
        return word;
      default:
        return null;
    }
  }
}
