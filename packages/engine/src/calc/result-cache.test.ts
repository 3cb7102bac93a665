import { describe, expect, it } from 'vitest';
import { ResultCache, resultKey } from './result-cache.js';

describe('ResultCache', () => {
  it('ResultCache.get returns what set stored under the same key', () => {
    const cache = new ResultCache();
    cache.set('k', { answer: 42 });
    expect(cache.get('k')).toEqual({ answer: 42 });
  });

  it('ResultCache evicts the least recently used entry past its budget', () => {
    const cache = new ResultCache(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('resultKey differs by state, definition and data reduction', () => {
    const keys = new Set([
      resultKey('cube', 'm', 's1', '{}'),
      resultKey('cube', 'm', 's2', '{}'),
      resultKey('cube', 'm', 's1', '{"x":1}'),
      resultKey('cube', 'm', 's1', '{}', 'user-a'),
    ]);
    expect(keys.size).toBe(4);
  });
});
