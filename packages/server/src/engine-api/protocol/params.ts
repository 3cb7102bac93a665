import type { Json, JsonObject } from '../deps.js';
import { EngineError, ErrorCode } from './engine-error.js';

/** Typed readers over normalised params; a wrong type answers -32602 naming the parameter. */
export type Params = Record<string, Json>;

function wrongType(name: string, expected: string, value: Json): EngineError {
  const quoted = JSON.stringify(value)?.slice(0, 80) ?? 'undefined';
  return new EngineError(
    ErrorCode.invalidParams,
    name,
    `Invalid params: '${name}' must be ${expected}, got ${quoted}`,
  );
}

export function str(params: Params, name: string): string {
  const value = params[name] ?? '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw wrongType(name, 'a string', value);
}

export function num(params: Params, name: string): number {
  const value = params[name] ?? 0;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  throw wrongType(name, 'a number', value);
}

export function bool(params: Params, name: string): boolean {
  const value = params[name] ?? false;
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  throw wrongType(name, 'a boolean', value);
}

export function obj(params: Params, name: string): JsonObject {
  const value = params[name] ?? {};
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  throw wrongType(name, 'an object', value);
}

export function arr(params: Params, name: string): Json[] {
  const value = params[name] ?? [];
  if (Array.isArray(value)) return value;
  throw wrongType(name, 'an array', value);
}

export function numbers(params: Params, name: string): number[] {
  return arr(params, name).map((v, i) => {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    throw wrongType(`${name}[${i}]`, 'a number', v);
  });
}

export function strings(params: Params, name: string): string[] {
  return arr(params, name).map((v, i) => {
    if (typeof v === 'string') return v;
    throw wrongType(`${name}[${i}]`, 'a string', v);
  });
}
