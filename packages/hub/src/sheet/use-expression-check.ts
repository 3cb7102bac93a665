import { useEffect, useState } from 'react';
import {
  describeCheck,
  type ExpressionVerdict,
  expressionBody,
} from '../engine/expression-check.js';
import type { Doc } from '../engine/qix.js';

export type CheckState =
  | ExpressionVerdict
  | { readonly kind: 'checking' }
  | { readonly kind: 'empty' };

const DEBOUNCE_MS = 250;

/** Checks an expression with `Doc.CheckExpression` as the person types (debounced). */
export function useExpressionCheck(doc: Doc, expression: string): CheckState {
  const [state, setState] = useState<CheckState>({ kind: 'empty' });
  useEffect(() => {
    const body = expressionBody(expression);
    if (body === '') {
      setState({ kind: 'empty' });
      return;
    }
    let live = true;
    setState({ kind: 'checking' });
    const timer = setTimeout(() => {
      doc.checkExpression(body).then(
        (result) => live && setState(describeCheck(body, result)),
        (e: unknown) =>
          live && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [doc, expression]);
  return state;
}
