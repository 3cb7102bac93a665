import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiError } from './errors.js';

/** Absolute `links.self/next/prev`, built from the public base URL (rest-api.md §0.4). */
export interface ListLinks {
  self: { href: string };
  next: { href: string } | null;
  prev: { href: string } | null;
}

export const limitParam = z.coerce.number().int().min(1).max(100).default(20);

/** Cursors are opaque to clients; inside they are base64url offsets. */
export function decodeCursor(cursor: string | undefined, name: string): number {
  if (cursor === undefined || cursor === '') return 0;
  const offset = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) {
    throw new ApiError('HTTP-400', `cursor ${JSON.stringify(cursor)} is not valid`, {
      parameter: name,
    });
  }
  return offset;
}

function encodeCursor(offset: number): string {
  return Buffer.from(String(offset), 'utf8').toString('base64url');
}

export interface PageOptions {
  readonly limit: number;
  readonly offset: number;
  /** Query parameter names for the cursors (`next`/`prev` for most APIs, `page` for some). */
  readonly nextParam?: string;
  readonly prevParam?: string;
}

/** One page of `all` and the links around it. */
export function page<T>(
  publicUrl: string,
  request: FastifyRequest,
  all: readonly T[],
  options: PageOptions,
): { data: T[]; links: ListLinks } {
  const { limit, offset } = options;
  const nextName = options.nextParam ?? 'next';
  const prevName = options.prevParam ?? 'prev';
  const url = new URL(request.url, publicUrl);
  const href = (cursorName: string | null, at: number | null): string => {
    const u = new URL(url.pathname, publicUrl);
    for (const [key, value] of url.searchParams) {
      if (key !== nextName && key !== prevName) u.searchParams.append(key, value);
    }
    if (cursorName !== null && at !== null) u.searchParams.set(cursorName, encodeCursor(at));
    return u.toString();
  };
  const data = all.slice(offset, offset + limit);
  const hasNext = offset + limit < all.length;
  const hasPrev = offset > 0;
  return {
    data,
    links: {
      self: { href: new URL(request.url, publicUrl).toString() },
      next: hasNext ? { href: href(nextName, offset + limit) } : null,
      prev: hasPrev ? { href: href(prevName, Math.max(0, offset - limit)) } : null,
    },
  };
}

/** `sort=+name` / `-name` / `name` → a comparator over the given keys. */
export function sorter<T>(
  sort: string | undefined,
  keys: Record<string, (row: T) => string | number>,
  fallback: string,
): (a: T, b: T) => number {
  const spec = sort ?? fallback;
  const descending = spec.startsWith('-');
  const name = spec.replace(/^[+-]/, '');
  const key = keys[name];
  if (!key) {
    throw new ApiError(
      'HTTP-400',
      `sort ${JSON.stringify(spec)} is not supported; use one of ${Object.keys(keys).join(', ')}`,
      { parameter: 'sort' },
    );
  }
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return descending ? -order : order;
  };
}
