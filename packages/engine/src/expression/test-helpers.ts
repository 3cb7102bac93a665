import type { Expression } from './ast.js';

/** Renders a tree fully parenthesised, so precedence tests read as one line each. */
export function show(expression: Expression): string {
  switch (expression.kind) {
    case 'number':
      return expression.text;
    case 'string':
      return `'${expression.value}'`;
    case 'field':
      return expression.name;
    case 'star':
      return '*';
    case 'call':
    case 'aggregate':
      return `${expression.name}(${expression.args.map(show).join(', ')})`;
    case 'unary':
      return `(${expression.op} ${show(expression.operand)})`;
    case 'binary':
      return `(${show(expression.left)} ${expression.op} ${show(expression.right)})`;
    case 'tuple':
      return `[${expression.items.map(show).join(', ')}]`;
  }
}
