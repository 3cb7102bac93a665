import { Dual, formatDefaultNumber, numOf, textOf, type Value } from '@cairn/engine';
import { defaultVariables } from '../default-header.js';

/**
 * Script variables. SET stores text; LET stores the value (a dual keeps both parts, research
 * §4.6) and expands to its text. Names are case-sensitive.
 */
export class ScriptVariables {
  private readonly values = new Map<string, Value>();

  constructor() {
    for (const [name, text] of Object.entries(defaultVariables)) this.values.set(name, text);
    this.values.set('ScriptErrorCount', 0);
  }

  setText(name: string, text: string | null): void {
    if (text === null) this.values.delete(name);
    else this.values.set(name, text);
  }

  setValue(name: string, value: Value): void {
    this.values.set(name, value);
  }

  delete(name: string): void {
    this.values.delete(name);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /**
   * The text `$(name)` expands to; undefined when the variable does not exist. A LET number has
   * no text of its own: it is written with the script's DecimalSep (`LET x = 7/2` gives `3,5`
   * after `SET DecimalSep=','`, research §4.6).
   */
  text(name: string): string | undefined {
    if (!this.values.has(name)) return undefined;
    const value = this.values.get(name) ?? null;
    if (typeof value === 'number') {
      const decimalSep = this.values.get('DecimalSep');
      return formatDefaultNumber(value, typeof decimalSep === 'string' ? decimalSep : '.');
    }
    return textOf(value) ?? '';
  }

  /**
   * A system variable's text, its name matched without case (`SET NULLINTERPRET=…` in QlikView
   * scripts sets NullInterpret); the exact spelling wins when both exist.
   */
  systemText(name: string): string | undefined {
    const exact = this.text(name);
    if (exact !== undefined) return exact;
    const lower = name.toLowerCase();
    for (const key of this.values.keys()) if (key.toLowerCase() === lower) return this.text(key);
    return undefined;
  }

  /** The value a bare variable name stands for in an expression. */
  value(name: string): Value | undefined {
    if (!this.values.has(name)) return undefined;
    const value = this.values.get(name) ?? null;
    if (typeof value !== 'string') return value;
    // A SET text that reads as a plain number is used as one (`SET x = 10; LET y = x * 2`).
    const number = Number(value.trim());
    return value.trim() !== '' && Number.isFinite(number) ? new Dual(number, value) : value;
  }

  /** The number of `$(#name)`, or null when it has none. */
  numberOf(name: string): number | null {
    const value = this.value(name);
    if (value === undefined || value === null) return null;
    const number = numOf(value);
    return Number.isFinite(number) ? number : null;
  }

  toRecord(): Record<string, string> {
    const record: Record<string, string> = {};
    for (const name of this.values.keys()) record[name] = this.text(name) ?? '';
    return record;
  }
}
