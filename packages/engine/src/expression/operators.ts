import type { LocaleSettings } from '../format/locale.js';
import { displayText } from '../format/number-text.js';
import { bool, isTrue, numberResult, toNumber, toTextOrEmpty } from '../functions/coerce.js';
import type { Value } from '../model/value.js';
import type { BinaryOperator, UnaryOperator } from './ast.js';
import { wildcardMatch } from './wildcard.js';

/*
 * Operator semantics (research/script-qvd.md §5.2, §7.3; help "Relational operators"): texts
 * that interpret as numbers take part in arithmetic and compare numerically; anything else
 * compares as text. Arithmetic with NULL or non-numeric text is NULL; `&` reads NULL as ''.
 */
const collator = new Intl.Collator('en', { numeric: false });

export function applyUnary(op: UnaryOperator, operand: Value, locale: LocaleSettings): Value {
  switch (op) {
    case '-':
      return numberResult(-toNumber(operand, locale));
    case '+':
      return numberResult(toNumber(operand, locale));
    case 'not':
      return bool(!isTrue(operand, locale));
    case 'bitnot': {
      const n = toNumber(operand, locale);
      return Number.isNaN(n) ? null : ~n;
    }
  }
}

export function applyBinary(
  op: BinaryOperator,
  left: Value,
  right: Value,
  locale: LocaleSettings,
): Value {
  switch (op) {
    case '+':
      return numberResult(toNumber(left, locale) + toNumber(right, locale));
    case '-':
      return numberResult(toNumber(left, locale) - toNumber(right, locale));
    case '*':
      return numberResult(toNumber(left, locale) * toNumber(right, locale));
    case '/': {
      const divisor = toNumber(right, locale);
      return divisor === 0 ? null : numberResult(toNumber(left, locale) / divisor);
    }
    case '&':
      return toTextOrEmpty(left, locale) + toTextOrEmpty(right, locale);
    case '<<':
    case '>>':
    case 'bitand':
    case 'bitor':
    case 'bitxor':
      return bitwise(op, toNumber(left, locale), toNumber(right, locale));
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(op, left, right, locale);
    case 'like':
      return bool(like(displayText(left, locale), displayText(right, locale)));
    case 'precedes':
      return bool(toTextOrEmpty(left, locale) < toTextOrEmpty(right, locale));
    case 'follows':
      return bool(toTextOrEmpty(left, locale) > toTextOrEmpty(right, locale));
    case 'and':
      return bool(isTrue(left, locale) && isTrue(right, locale));
    case 'or':
      return bool(isTrue(left, locale) || isTrue(right, locale));
    case 'xor':
      return bool(isTrue(left, locale) !== isTrue(right, locale));
  }
}

function bitwise(op: '<<' | '>>' | 'bitand' | 'bitor' | 'bitxor', a: number, b: number): Value {
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  switch (op) {
    case '<<':
      return a << b;
    case '>>':
      return a >> b;
    case 'bitand':
      return a & b;
    case 'bitor':
      return a | b;
    case 'bitxor':
      return a ^ b;
  }
}

/**
 * NULL rules from core-website "Propagation of NULL values": NULL against NULL is NULL, `<>`
 * against one NULL is true, every other comparison with one NULL is false.
 */
function compare(
  op: '=' | '<>' | '<' | '<=' | '>' | '>=',
  left: Value,
  right: Value,
  locale: LocaleSettings,
): Value {
  if (left === null || right === null) {
    if (left === null && right === null) return null;
    return bool(op === '<>');
  }
  const a = toNumber(left, locale);
  const b = toNumber(right, locale);
  let order: number;
  if (!Number.isNaN(a) && !Number.isNaN(b)) {
    order = a < b ? -1 : a > b ? 1 : 0;
  } else {
    const x = toTextOrEmpty(left, locale);
    const y = toTextOrEmpty(right, locale);
    // Equality of texts is exact (case-sensitive, unverified against Qlik); order uses collation.
    order = op === '=' || op === '<>' ? (x === y ? 0 : 1) : collator.compare(x, y);
  }
  switch (op) {
    case '=':
      return bool(order === 0);
    case '<>':
      return bool(order !== 0);
    case '<':
      return bool(order < 0);
    case '<=':
      return bool(order <= 0);
    case '>':
      return bool(order > 0);
    case '>=':
      return bool(order >= 0);
  }
}

/** `like`: `*` any run, `?` one character, case-insensitive; NULL matches nothing. */
export function like(text: string | null, pattern: string | null): boolean {
  if (text === null || pattern === null) return false;
  return wildcardMatch(text, pattern);
}
