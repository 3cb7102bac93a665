import { ScriptError, type ScriptErrorCode } from '../errors.js';

/**
 * A script file (the app's script or an included file) with its line starts, so any offset can be
 * turned into the 1-based line and column an error names.
 */
export class SourceText {
  private readonly lineStarts: number[] = [0];

  constructor(
    /** `main` for the app's script, else the include path. */
    readonly file: string,
    readonly text: string,
  ) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] as number) + 1 };
  }

  /** A located error quoting `text` (or the source from `offset` when not given). */
  error(code: ScriptErrorCode, detail: string, offset: number, text?: string): ScriptError {
    const { line, column } = this.position(offset);
    const quoted = text ?? this.text.slice(offset, offset + 40).split('\n')[0] ?? '';
    return new ScriptError(code, detail, { file: this.file, line, column, text: quoted });
  }
}
