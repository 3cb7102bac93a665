/** Splits `a, 'b,c', f(d, e)` at commas outside quotes and parentheses, with offsets. */
export function splitTopLevel(text: string): { text: string; at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === "'" || c === '"' || c === '[' || c === '`') {
      const end = text.indexOf(c === '[' ? ']' : c, i + 1);
      if (end > 0) i = end;
    } else if (c === ',' && depth === 0) {
      parts.push({ text: text.slice(start, i), at: start });
      start = i + 1;
    }
  }
  parts.push({ text: text.slice(start), at: start });
  return parts.filter((part) => part.text.trim() !== '');
}
