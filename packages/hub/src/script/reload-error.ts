/** Where a failed reload went wrong, as far as its error text tells. */
export interface ScriptErrorLocation {
  /** 1-based line of the load script. */
  readonly line: number;
  /** 1-based column, when the message gives one. */
  readonly column: number | null;
  readonly message: string;
}

// The forms engines write locations in: "line 12, column 4" (Qlik's reload log and Cairn's
// script errors), "12:4" after a file name, and "(12:4)".
const PATTERNS: readonly RegExp[] = [
  /\bline\s+(\d+)(?:\s*,?\s*col(?:umn)?\s+(\d+))?/i,
  /\((\d+):(\d+)\)/,
  /:(\d+):(\d+)\b/,
];

/** Finds the first script location in an error message, or null when it names none. */
export function locateScriptError(message: string): ScriptErrorLocation | null {
  for (const pattern of PATTERNS) {
    const match = pattern.exec(message);
    if (match?.[1] !== undefined) {
      const column = match[2] === undefined ? null : Number(match[2]);
      return { line: Number(match[1]), column, message: message.trim() };
    }
  }
  return null;
}

/**
 * The error of a failed reload: the reload's `errorMessage` when it locates the problem, else the
 * last log line that mentions an error and does, else the error message without a location.
 */
export function reloadErrorLocation(
  errorMessage: string | undefined,
  log: string,
): ScriptErrorLocation | null {
  const fromMessage = errorMessage === undefined ? null : locateScriptError(errorMessage);
  if (fromMessage !== null) return fromMessage;
  const lines = log.split(/\r?\n/).filter((l) => /error/i.test(l));
  for (let i = lines.length - 1; i >= 0; i--) {
    const found = locateScriptError(lines[i] ?? '');
    if (found !== null) return found;
  }
  return null;
}
