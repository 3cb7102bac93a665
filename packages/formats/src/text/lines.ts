/** The text after its first `count` lines (`header is N lines`); line ends CRLF, LF or CR. */
export function skipLines(text: string, count: number): string {
  let at = 0;
  for (let i = 0; i < count && at < text.length; i++) {
    const lf = text.indexOf('\n', at);
    const cr = text.indexOf('\r', at);
    if (lf < 0 && cr < 0) return '';
    if (cr >= 0 && (lf < 0 || cr < lf)) at = text[cr + 1] === '\n' ? cr + 2 : cr + 1;
    else at = lf + 1;
  }
  return text.slice(at);
}

/** The first line of a text, without its line end. */
export function firstLine(text: string): string {
  const end = text.search(/\r|\n/);
  return end < 0 ? text : text.slice(0, end);
}
