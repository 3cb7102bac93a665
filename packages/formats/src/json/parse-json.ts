import { FormatError } from '../errors.js';

/**
 * Parses a JSON document, or NDJSON (one value per line) when the text is not one document but
 * every non-empty line is. Errors name the line and column V8 reports.
 */
export function parseJsonText(text: string, file: string): never[] {
  try {
    return [JSON.parse(text)] as never[];
  } catch (error) {
    if (!text.trim().includes('\n')) throw located(error, text, 0, file);
    const whole = error;
    const values: never[] = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] as string).trim();
      if (line === '') continue;
      try {
        values.push(JSON.parse(line) as never);
      } catch (lineError) {
        // A document that is not NDJSON either: report the whole-document error.
        if (values.length === 0) throw located(whole, text, 0, file);
        throw located(lineError, line, i, file);
      }
    }
    return values;
  }
}

function located(error: unknown, text: string, lineBase: number, file: string): FormatError {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  const where: { file: string; line?: number; column?: number } = { file };
  if (at !== null) {
    const position = Number(at[1]);
    const before = text.slice(0, position);
    where.line = lineBase + before.split('\n').length;
    where.column = position - before.lastIndexOf('\n');
  } else {
    where.line = lineBase + 1;
  }
  return new FormatError('JSON_INVALID', message, where);
}
