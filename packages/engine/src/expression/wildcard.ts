/**
 * Qlik's wildcard match (`like`, WildMatch, text searches): `*` any run of characters, `?`
 * exactly one, case-insensitive. A greedy scan that backtracks only to the last `*`, so the
 * time is O(text × pattern) at worst; a regular expression with several `.*` could be made to
 * backtrack exponentially by a crafted chart expression.
 */
export function wildcardMatch(text: string, pattern: string): boolean {
  const t = Array.from(text.toLowerCase());
  const p = Array.from(pattern.toLowerCase());
  let ti = 0;
  let pi = 0;
  let star = -1;
  let resume = 0;
  while (ti < t.length) {
    const ch = p[pi];
    if (ch === '*') {
      star = pi++;
      resume = ti;
    } else if (ch !== undefined && (ch === '?' || ch === t[ti])) {
      ti++;
      pi++;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++resume;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}
