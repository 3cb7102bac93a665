/**
 * Every error a load script raises, in one registry. Codes are stable and never reused; the
 * message always says what was wrong, quotes the offending text and names where it is.
 */
export const SCRIPT_ERROR_CODES = {
  SYNTAX_ERROR: 'the statement does not follow the load-script grammar',
  UNTERMINATED_QUOTE: 'a quoted name or text is not closed',
  UNTERMINATED_COMMENT: 'a block comment is not closed',
  UNTERMINATED_EXPANSION: 'a dollar-sign expansion is not closed',
  EXPANSION_LIMIT: 'dollar-sign expansion went deeper or longer than allowed',
  EXPRESSION_ERROR: 'an expression in the statement is invalid',
  BLOCK_UNBALANCED: 'a control statement (IF, FOR, DO, SUB, SWITCH) is not closed or not opened',
  NOT_SUPPORTED: 'the statement is valid Qlik script but Cairn does not run it yet',
  INCLUDE_FAILED: 'an included script file could not be read',
  PATH_REFUSED: 'a file path leaves the data folder or is not a data-connection path',
  FILE_READ_FAILED: 'a data file could not be read or decoded',
  FILE_WRITE_FAILED: 'a file could not be written',
  TABLE_NOT_FOUND: 'a statement names a table that does not exist',
  FIELD_NOT_FOUND: 'a statement names a field that does not exist',
  MAPPING_NOT_FOUND: 'a mapping table named in ApplyMap, MapSubString or USING does not exist',
  SUB_NOT_FOUND: 'CALL names a subroutine that is not defined (yet)',
  INVALID_ARGUMENT: 'a statement argument has a value that cannot be used',
  ROW_LIMIT: 'the reload produced more rows than its budget allows',
  MEMORY_LIMIT: 'the reload used more memory than its budget allows',
  CANCELLED: 'the reload was cancelled',
  EVALUATION_ERROR: 'an expression could not be evaluated',
} as const;

export type ScriptErrorCode = keyof typeof SCRIPT_ERROR_CODES;

/** Where a problem is: the script (or included file), 1-based line and column, and the text. */
export interface ScriptLocation {
  /** `main` for the app's script, else the included file's path. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The offending text as written (cut to a readable length). */
  readonly text: string;
}

export class ScriptError extends Error {
  override readonly name = 'ScriptError';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly text: string;

  constructor(
    readonly code: ScriptErrorCode,
    detail: string,
    where: ScriptLocation,
  ) {
    super(`${where.file}:${where.line}:${where.column}: ${detail} (at ${quote(where.text)})`);
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.text = where.text;
  }

  /** A plain object for logs and JSON answers. */
  toJSON(): ScriptErrorInfo {
    return {
      code: this.code,
      message: this.message,
      file: this.file,
      line: this.line,
      column: this.column,
      text: this.text,
    };
  }
}

export interface ScriptErrorInfo extends ScriptLocation {
  readonly code: ScriptErrorCode;
  readonly message: string;
}

/** Quotes a piece of script for an error message, on one line and cut to a readable length. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}
