import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Json, JsonObject } from '../deps.js';
import { EngineError, ErrorCode } from './engine-error.js';

/**
 * The method table of the engine as enigma.js describes it (its shipped schema 12.2027.0): which
 * methods each class has, their parameter names in positional order, defaults, and out-parameter
 * names. Drives parameter normalisation (arrays and objects) and the 20 / -32601 distinction.
 */
export interface MethodSpec {
  readonly inputs: readonly { readonly name: string; readonly defaultValue: Json }[];
  readonly outputs: readonly string[];
}

interface RawSchema {
  structs: Record<
    string,
    Record<
      string,
      { In: { Name: string; DefaultValue?: Json }[]; Out: { Name: string }[] } | undefined
    >
  >;
}

const SCHEMA_VERSION = '12.2027.0';

function loadSchema(): Map<string, Map<string, MethodSpec>> {
  const require = createRequire(import.meta.url);
  const file = require.resolve(`enigma.js/schemas/${SCHEMA_VERSION}.json`);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawSchema;
  const classes = new Map<string, Map<string, MethodSpec>>();
  for (const [className, methods] of Object.entries(raw.structs)) {
    const table = new Map<string, MethodSpec>();
    for (const [name, spec] of Object.entries(methods)) {
      if (!spec || !Array.isArray(spec.In)) continue;
      table.set(name, {
        inputs: spec.In.map((p) => ({ name: p.Name, defaultValue: p.DefaultValue ?? null })),
        outputs: spec.Out.map((p) => p.Name),
      });
    }
    classes.set(className, table);
  }
  return classes;
}

let cached: Map<string, Map<string, MethodSpec>> | null = null;

export function methodSpec(className: string, method: string): MethodSpec | undefined {
  cached ??= loadSchema();
  return cached.get(className)?.get(method);
}

/**
 * Turns positional or named params into named ones, filling schema defaults for what is missing
 * (enigma leaves trailing optionals out; raw JSON-RPC users send objects keyed by q-names).
 */
export function namedParams(
  className: string,
  method: string,
  params: Json | undefined,
): Record<string, Json> {
  const spec = methodSpec(className, method);
  if (!spec) {
    throw new EngineError(
      ErrorCode.methodNotFound,
      method,
      `Method not found: ${className} has no method '${method}'`,
    );
  }
  const named: Record<string, Json> = {};
  if (params === undefined || params === null) {
    for (const input of spec.inputs) named[input.name] = input.defaultValue;
  } else if (Array.isArray(params)) {
    spec.inputs.forEach((input, i) => {
      const value = params[i];
      named[input.name] = value === undefined || value === null ? input.defaultValue : value;
    });
  } else if (typeof params === 'object') {
    const object = params as JsonObject;
    for (const input of spec.inputs) {
      const value = object[input.name];
      named[input.name] = value === undefined || value === null ? input.defaultValue : value;
    }
  } else {
    throw new EngineError(
      ErrorCode.invalidParams,
      'params',
      `Invalid params: expected an array or an object, got ${typeof params}`,
    );
  }
  return named;
}
