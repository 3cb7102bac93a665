import type { Expression } from './ast.js';
import type { ElementSet, SetExpression } from './set-ast.js';

/** The direct child expressions of a node (set expressions excluded). */
export function childrenOf(expression: Expression): readonly Expression[] {
  switch (expression.kind) {
    case 'number':
    case 'string':
    case 'field':
    case 'star':
      return [];
    case 'call':
    case 'aggregate':
      return expression.args;
    case 'unary':
      return [expression.operand];
    case 'binary':
      return [expression.left, expression.right];
    case 'tuple':
      return expression.items;
    default:
      return assertNever(expression);
  }
}

/** Visits every node depth-first, parents before children. */
export function walkExpression(expression: Expression, visit: (node: Expression) => void): void {
  visit(expression);
  for (const child of childrenOf(expression)) walkExpression(child, visit);
}

export interface ExpressionFields {
  /** Fields whose values the expression reads, in order of first use. */
  readonly read: readonly string[];
  /** Fields named by set modifiers, P()/E() and TOTAL <...>, in order of first use. */
  readonly qualifying: readonly string[];
}

/**
 * The field names an expression depends on. Bare names may also be variables; the caller
 * decides with its own symbol table.
 */
export function getFieldsFromExpression(expression: Expression): ExpressionFields {
  const read = new Set<string>();
  const qualifying = new Set<string>();
  walkExpression(expression, (node) => {
    if (node.kind === 'field') read.add(node.name);
    if (node.kind !== 'aggregate') return;
    for (const field of node.total?.fields ?? []) qualifying.add(field);
    if (node.set) collectSetFields(node.set, qualifying);
  });
  return { read: [...read], qualifying: [...qualifying] };
}

function collectSetFields(set: SetExpression, into: Set<string>): void {
  switch (set.kind) {
    case 'setTerm':
      for (const selection of set.modifier ?? []) {
        into.add(selection.field);
        if (selection.elements) collectElementFields(selection.elements, into);
      }
      return;
    case 'setOperation':
      collectSetFields(set.left, into);
      collectSetFields(set.right, into);
      return;
    case 'setComplement':
      collectSetFields(set.operand, into);
      return;
    default:
      assertNever(set);
  }
}

function collectElementFields(elements: ElementSet, into: Set<string>): void {
  switch (elements.kind) {
    case 'elementList':
      return;
    case 'elementField':
      into.add(elements.field);
      return;
    case 'elementFunction':
      if (elements.field) into.add(elements.field);
      if (elements.set) collectSetFields(elements.set, into);
      return;
    case 'elementOperation':
      collectElementFields(elements.left, into);
      collectElementFields(elements.right, into);
      return;
    default:
      assertNever(elements);
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected node ${JSON.stringify(value)}`);
}
