import type { Json, JsonObject } from '../deps.js';
import { EngineError, ErrorCode } from '../protocol/engine-error.js';

/** One JSON-RPC 2.0 request as QIX clients send it (engine-protocol.md §1.2). */
export interface RpcRequest {
  readonly id: number | string | null;
  readonly handle: number;
  readonly method: string;
  readonly params: Json | undefined;
  readonly delta: boolean;
}

/**
 * Parses one text frame. Batches are not used by QIX clients and are refused; a missing handle
 * means Global (-1), as raw JSON-RPC users expect.
 */
export function parseRequest(text: string): RpcRequest {
  let message: Json;
  try {
    message = JSON.parse(text) as Json;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new EngineError(ErrorCode.parse, 'message', `Parse error: ${why}`);
  }
  if (message === null || typeof message !== 'object' || Array.isArray(message)) {
    throw new EngineError(
      ErrorCode.invalidRequest,
      'message',
      'Invalid request: expected one JSON-RPC object (batches are not supported)',
    );
  }
  const { id, handle, method, params, delta } = message as JsonObject;
  if (typeof method !== 'string' || method === '') {
    throw new EngineError(ErrorCode.invalidRequest, 'method', 'Invalid request: missing method');
  }
  if (id !== undefined && id !== null && typeof id !== 'number' && typeof id !== 'string') {
    throw new EngineError(ErrorCode.invalidRequest, 'id', 'Invalid request: bad id');
  }
  if (handle !== undefined && (typeof handle !== 'number' || !Number.isInteger(handle))) {
    throw new EngineError(
      ErrorCode.invalidRequest,
      'handle',
      `Invalid request: handle must be an integer, got ${JSON.stringify(handle)}`,
    );
  }
  return {
    id: id ?? null,
    handle: handle ?? -1,
    method,
    params,
    delta: delta === true,
  };
}

/** Best-effort id of a frame that failed to parse, so the error can still be correlated. */
export function salvageId(text: string): number | string | null {
  const match = /"id"\s*:\s*(\d{1,15})/.exec(text.slice(0, 4096));
  return match?.[1] ? Number(match[1]) : null;
}

export interface Lists {
  readonly change: readonly number[];
  readonly close: readonly number[];
}

function withLists(body: JsonObject, lists: Lists): JsonObject {
  if (lists.change.length > 0) body.change = [...lists.change];
  if (lists.close.length > 0) body.close = [...lists.close];
  return body;
}

export function resultMessage(id: RpcRequest['id'], result: JsonObject, lists: Lists): JsonObject {
  return withLists({ jsonrpc: '2.0', id, result }, lists);
}

export function errorMessage(id: RpcRequest['id'], error: EngineError, lists: Lists): JsonObject {
  return withLists(
    {
      jsonrpc: '2.0',
      id,
      error: { code: error.code, parameter: error.parameter, message: error.message },
    },
    lists,
  );
}

/** A change/close push with no id and no params, so enigma processes its lists (§1.2). */
export function pushMessage(lists: Lists): JsonObject {
  return withLists({ jsonrpc: '2.0' }, lists);
}

export function notification(method: string, params: JsonObject): JsonObject {
  return { jsonrpc: '2.0', method, params };
}
