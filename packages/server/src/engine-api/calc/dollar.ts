import { type DollarExpansionHooks, expandDollar } from '@cairn/engine';
import type { Json } from '../deps.js';

/**
 * Dollar-sign expansion of every string in a def (`$(vFactor)`, `$(=Max(Year))`) before the
 * engine sees it: Qlik expands measure, dimension and label texts textually, with the app's
 * variables, before parsing.
 */
export function expandDeep<T extends Json>(node: T, hooks: DollarExpansionHooks): T {
  if (typeof node === 'string') {
    return (node.includes('$(') ? expandDollar(node, hooks) : node) as T;
  }
  if (Array.isArray(node)) return node.map((item) => expandDeep(item, hooks)) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) out[key] = expandDeep(value, hooks);
  return out as T;
}
