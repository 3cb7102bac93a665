import type { BinaryOperator, Expression } from './ast.js';
import type { Element, ElementSet, FieldSelection, SetExpression } from './set-ast.js';
import { assertNever } from './walk.js';

/*
 * Prints a tree back to expression text that parses to the same tree: parentheses only where
 * precedence needs them, names bracketed when they are not plain identifiers. Used to quote
 * nodes in errors when the source text is not at hand, and for titles of computed columns.
 */
const binaryPrecedence: Record<BinaryOperator, number> = {
  or: 1,
  xor: 1,
  and: 2,
  '=': 4,
  '<>': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  like: 4,
  precedes: 4,
  follows: 4,
  '<<': 5,
  '>>': 5,
  bitand: 5,
  bitor: 5,
  bitxor: 5,
  '&': 6,
  '+': 7,
  '-': 7,
  '*': 8,
  '/': 8,
};
const notPrecedence = 3;
const unaryPrecedence = 9;
const reservedWords = new Set([...Object.keys(binaryPrecedence), 'not', 'bitnot']);

export function printExpression(expression: Expression): string {
  return print(expression, 0);
}

function print(node: Expression, context: number): string {
  switch (node.kind) {
    case 'number':
      return node.text;
    case 'string':
      return quoteString(node.value);
    case 'field':
      return printName(node.name);
    case 'star':
      return '*';
    case 'tuple':
      return `(${node.items.map((item) => print(item, 0)).join(', ')})`;
    case 'call':
      return `${node.name}(${node.args.map((arg) => print(arg, 0)).join(', ')})`;
    case 'aggregate': {
      const parts: string[] = [];
      if (node.set) parts.push(`{${printSet(node.set)}}`);
      if (node.distinct) parts.push(node.distinct.toUpperCase());
      if (node.all) parts.push('ALL');
      if (node.total) {
        const fields = node.total.fields;
        parts.push(fields ? `TOTAL <${fields.map(printName).join(', ')}>` : 'TOTAL');
      }
      const args = node.args.map((arg) => print(arg, 0)).join(', ');
      return `${node.name}(${[...parts, args].filter((part) => part !== '').join(' ')})`;
    }
    case 'unary': {
      const precedence = node.op === 'not' ? notPrecedence : unaryPrecedence;
      const separator = node.op === 'not' || node.op === 'bitnot' ? ' ' : '';
      const text = `${node.op}${separator}${print(node.operand, precedence)}`;
      return precedence < context ? `(${text})` : text;
    }
    case 'binary': {
      const precedence = binaryPrecedence[node.op];
      // Left-associative: the right operand needs parentheses at equal precedence.
      const left = print(node.left, precedence);
      const text = `${left} ${node.op} ${print(node.right, precedence + 1)}`;
      return precedence < context ? `(${text})` : text;
    }
    default:
      return assertNever(node);
  }
}

export function printName(name: string): string {
  const plain = /^[A-Za-z_%@$\u00C0-\uFFFF][\w.$%#@\u00C0-\uFFFF]*$/.test(name);
  return plain && !reservedWords.has(name.toLowerCase()) ? name : `[${name.replaceAll(']', ']]')}]`;
}

function quoteString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function printSet(set: SetExpression): string {
  switch (set.kind) {
    case 'setTerm': {
      const identifier = set.identifier === null ? '' : printSetIdentifier(set.identifier);
      const modifier =
        set.modifier === null ? '' : `<${set.modifier.map(printSelection).join(', ')}>`;
      return identifier + modifier;
    }
    case 'setOperation':
      return `(${printSet(set.left)} ${set.op} ${printSet(set.right)})`;
    case 'setComplement':
      return `-${printSet(set.operand)}`;
    default:
      return assertNever(set);
  }
}

function printSetIdentifier(identifier: string): string {
  if (/^(\$|\$_?\d+|\d+)$/.test(identifier)) return identifier;
  return identifier.split('::').map(printName).join('::');
}

function printSelection(selection: FieldSelection): string {
  const elements = selection.elements ? printElements(selection.elements) : '';
  return `${printName(selection.field)}${selection.op}${elements}`;
}

function printElements(elements: ElementSet): string {
  switch (elements.kind) {
    case 'elementList':
      return `{${elements.items.map(printElement).join(', ')}}`;
    case 'elementField':
      return printName(elements.field);
    case 'elementFunction': {
      const set = elements.set ? `{${printSet(elements.set)}}` : '';
      const field = elements.field ? printName(elements.field) : '';
      return `${elements.fn}(${set}${set && field ? ' ' : ''}${field})`;
    }
    case 'elementOperation':
      return `(${printElements(elements.left)} ${elements.op} ${printElements(elements.right)})`;
    default:
      return assertNever(elements);
  }
}

function printElement(element: Element): string {
  if (element.kind === 'elementLiteral') {
    return typeof element.value === 'number' ? String(element.value) : quoteString(element.value);
  }
  const search = element.search;
  const text =
    search.type === 'text'
      ? search.pattern
      : search.type === 'expression'
        ? `=${search.source}`
        : `${search.lower ? `>${search.lower.inclusive ? '=' : ''}${search.lower.text}` : ''}${
            search.upper ? `<${search.upper.inclusive ? '=' : ''}${search.upper.text}` : ''
          }`;
  return `"${text.replaceAll('"', '""')}"`;
}
