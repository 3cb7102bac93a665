/** One highlighted span in a value's text, in characters (`qHighlightRanges.qRanges`). */
export interface HighlightRange {
  readonly qCharPos: number;
  readonly qCharCount: number;
}

const wordChar = /[\p{L}\p{N}_]/u;

/**
 * Every place where `needle` (already lower-cased) starts a word of `text`: Qlik's normal search
 * matches word beginnings, case-insensitively, and reports every match (nebula.js PR #766).
 */
export function wordStartMatches(text: string, needle: string): HighlightRange[] {
  if (needle === '') return [];
  const haystack = text.toLowerCase();
  const ranges: HighlightRange[] = [];
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return ranges;
    const before = at === 0 ? '' : haystack.charAt(at - 1);
    if (at === 0 || !wordChar.test(before) || !wordChar.test(needle.charAt(0))) {
      ranges.push({ qCharPos: at, qCharCount: needle.length });
      from = at + needle.length;
    } else {
      from = at + 1;
    }
  }
}
