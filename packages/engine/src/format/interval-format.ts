import { fractionDigits, pad } from './date-format.js';
import { type DatePatternToken, parseDatePattern } from './date-pattern.js';

const unitMs = { day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1000 } as const;
type Unit = keyof typeof unitMs;
const units: readonly Unit[] = ['day', 'hour', 'minute', 'second'];

/**
 * Formats a duration in days (`Interval`). Unlike a clock, the largest unit in the pattern
 * takes the whole amount: `hh:mm` of 1.5 days is `36:00`, `D hh:mm` is `1 12:00`.
 */
export function formatInterval(value: number, pattern: string): string {
  const tokens = parseDatePattern(pattern);
  const present = new Set(flatten(tokens).map((t) => (t.type === 'day' ? 'day' : t.type)));
  let rest = Math.round(Math.abs(value) * unitMs.day);
  const amounts: Record<Unit, number> = { day: 0, hour: 0, minute: 0, second: 0 };
  for (const unit of units) {
    if (!present.has(unit)) continue;
    amounts[unit] = Math.floor(rest / unitMs[unit]);
    rest -= amounts[unit] * unitMs[unit];
  }
  const text = render(tokens, amounts, rest);
  return value < 0 && Math.round(Math.abs(value) * unitMs.day) > 0 ? `-${text}` : text;
}

function render(
  tokens: readonly DatePatternToken[],
  amounts: Record<Unit, number>,
  ms: number,
): string {
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        out += pad(amounts[token.type], token.width);
        break;
      case 'fraction':
        out += fractionDigits(ms, token.width);
        break;
      case 'literal':
        out += token.text;
        break;
      case 'optional':
        if (
          ms > 0 ||
          flatten(token.tokens).some((t) => t.type !== 'fraction' && t.type !== 'literal')
        ) {
          out += render(token.tokens, amounts, ms);
        }
        break;
      case 'ampm':
        // Without a format Interval uses TimeFormat ('h:mm:ss TT'); AM/PM means nothing in a
        // duration, so it is dropped with the blank before it.
        out = out.trimEnd();
        break;
      default:
        // Calendar codes (years, month names) have no meaning in a duration either.
        break;
    }
  }
  return out;
}

function flatten(tokens: readonly DatePatternToken[]): DatePatternToken[] {
  return tokens.flatMap((t) => (t.type === 'optional' ? flatten(t.tokens) : [t]));
}
