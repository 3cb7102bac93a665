import type { Value } from '../model/value.js';
import { Dual } from '../model/value.js';
import { toNumber } from './coerce.js';
import { type FunctionContext, fn, type ScalarFunction } from './function-types.js';

/*
 * Color functions (help "Color functions"): a dual of the 32-bit ARGB integer and the text
 * Qlik shows, `RGB(r,g,b)` / `ARGB(a,r,g,b)`. Components are clamped to 0-255.
 */
function component(value: Value, ctx: FunctionContext): number | null {
  const n = Math.round(toNumber(value, ctx.locale));
  return Number.isFinite(n) ? Math.min(255, Math.max(0, n)) : null;
}

function argb(alpha: number, red: number, green: number, blue: number): number {
  return alpha * 2 ** 24 + red * 2 ** 16 + green * 2 ** 8 + blue;
}

export const colorFunctions: readonly ScalarFunction[] = [
  fn('RGB', 'color', 3, 3, (args, ctx) => {
    const [r, g, b] = args.map((arg) => component(arg, ctx));
    if (r == null || g == null || b == null) return null;
    return new Dual(argb(255, r, g, b), `RGB(${r},${g},${b})`);
  }),
  fn('ARGB', 'color', 4, 4, (args, ctx) => {
    const [a, r, g, b] = args.map((arg) => component(arg, ctx));
    if (a == null || r == null || g == null || b == null) return null;
    return new Dual(argb(a, r, g, b), `ARGB(${a},${r},${g},${b})`);
  }),
];
