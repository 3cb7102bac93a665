import type { Json, JsonObject } from '../deps.js';
import { EngineError, ErrorCode } from '../protocol/engine-error.js';

/** JSON pointers (RFC 6901) over property trees: `qPath`s, patch paths and `qData` lookups. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer;
  return body.split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

export function getAt(root: Json, pointer: string): Json | undefined {
  let node: Json | undefined = root;
  for (const part of splitPointer(pointer)) {
    if (Array.isArray(node)) node = node[Number(part)];
    else if (node !== null && typeof node === 'object' && Object.hasOwn(node, part)) {
      node = node[part];
    } else return undefined;
  }
  return node;
}

export interface Patch {
  readonly op: 'add' | 'replace' | 'remove';
  readonly path: string;
  readonly value?: Json;
}

/** Applies one patch in place; intermediate objects are created as the engine does. */
export function applyPatch(root: JsonObject, patch: Patch): void {
  const parts = splitPointer(patch.path);
  const last = parts.pop();
  if (last === undefined) {
    throw new EngineError(ErrorCode.invalidPath, patch.path, 'Invalid path: cannot patch the root');
  }
  let node: Json = root;
  for (const part of [...parts, last]) {
    if (FORBIDDEN.has(part)) {
      throw new EngineError(ErrorCode.invalidPath, patch.path, `Invalid path: '${part}'`);
    }
  }
  for (const part of parts) {
    if (Array.isArray(node)) {
      const next: Json | undefined = node[Number(part)];
      if (next === undefined || next === null || typeof next !== 'object') {
        throw new EngineError(ErrorCode.invalidPath, patch.path, `Invalid path: '${patch.path}'`);
      }
      node = next;
    } else if (node !== null && typeof node === 'object') {
      let next: Json | undefined = node[part];
      if (next === undefined || next === null || typeof next !== 'object') {
        next = {};
        node[part] = next;
      }
      node = next;
    } else {
      throw new EngineError(ErrorCode.invalidPath, patch.path, `Invalid path: '${patch.path}'`);
    }
  }
  if (Array.isArray(node)) {
    const index = last === '-' ? node.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > node.length) {
      throw new EngineError(ErrorCode.invalidPath, patch.path, `Invalid path: '${patch.path}'`);
    }
    if (patch.op === 'remove') node.splice(index, 1);
    else if (patch.op === 'add') node.splice(index, 0, patch.value ?? null);
    else node[index] = patch.value ?? null;
  } else if (node !== null && typeof node === 'object') {
    if (patch.op === 'remove') delete node[last];
    else node[last] = patch.value ?? null;
  }
}

export function clone<T extends Json>(value: T): T {
  return structuredClone(value);
}
