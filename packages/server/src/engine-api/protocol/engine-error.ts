/**
 * Engine errors as QIX sends them: `{code, parameter, message}`, codes from the schema's
 * `LocalizedErrorCode` enum (engine-protocol.md §1.7). Clients compare some of these strings:
 * nebula falls back to CreateSessionObject only on code 2 with message "Object not found".
 */
export class EngineError extends Error {
  constructor(
    readonly code: number,
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/** One registry of the codes the Engine API answers with; never reuse a code for a new meaning. */
export const ErrorCode = {
  parse: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  notFound: 2,
  alreadyExists: 3,
  invalidPath: 4,
  accessDenied: 5,
  invalidParameters: 8,
  aborted: 15,
  notImplemented: 20,
  appAlreadyOpen: 1002,
  appNotFound: 1003,
  appInvalid: 1007,
  appNotOpen: 1017,
  limitReached: 19,
  hcModal: 6003,
  pagesTooLarge: 7009,
} as const;

export const objectNotFound = (parameter = 'Object not found') =>
  new EngineError(ErrorCode.notFound, parameter, 'Object not found');

export const invalidPath = (path: string) =>
  new EngineError(ErrorCode.invalidPath, path, `Invalid path: no data definition at '${path}'`);

export const accessDenied = (what: string) =>
  new EngineError(ErrorCode.accessDenied, what, `Access denied: ${what}`);

export const invalidParameters = (parameter: string, why: string) =>
  new EngineError(ErrorCode.invalidParameters, parameter, `Invalid parameters: ${why}`);

export const notImplemented = (method: string) =>
  new EngineError(
    ErrorCode.notImplemented,
    method,
    `Not implemented: ${method} is not supported by Cairn yet`,
  );

/** Duck-typed check so errors thrown by @cairn/engine (same shape) pass through unchanged. */
export function asEngineError(error: unknown): EngineError | null {
  if (error instanceof EngineError) return error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, parameter, message } = error as Record<string, unknown>;
  if (typeof code === 'number' && typeof message === 'string') {
    return new EngineError(code, typeof parameter === 'string' ? parameter : '', message);
  }
  return null;
}
