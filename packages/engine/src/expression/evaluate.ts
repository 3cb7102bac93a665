import { serialFromMs } from '../format/serial.js';
import type {
  FunctionContext,
  LazyArguments,
  ScalarFunction,
} from '../functions/function-types.js';
import { lookupFunction, scalarFunctions } from '../functions/registry.js';
import type { Value } from '../model/value.js';
import type { Expression, FunctionCall } from './ast.js';
import { ExpressionError } from './errors.js';
import { applyBinary, applyUnary } from './operators.js';
import { parseExpression } from './parser.js';
import { printExpression } from './print.js';
import type { EvaluationScope } from './scope.js';
import { closestName } from './suggest.js';

/** An expression turned into a function of the row scope; compile once, run per row. */
export type CompiledExpression = (scope: EvaluationScope) => Value;

/*
 * Compiled closures are cached per (frozen, immutable) node, so `evaluateScalar` called per row
 * with the same tree compiles once. A WeakMap holds no tree alive and carries no session state.
 */
const compiledCache = new WeakMap<Expression, CompiledExpression>();

/**
 * Evaluates a scalar expression in `scope`. `source` is the text the tree was parsed from, so
 * errors (unknown function, missing field) can quote it.
 */
export function evaluateScalar(expression: Expression, scope: EvaluationScope, source = ''): Value {
  let compiled = compiledCache.get(expression);
  if (!compiled) {
    compiled = compileScalar(expression, source);
    compiledCache.set(expression, compiled);
  }
  return compiled(scope);
}

/** Parses and evaluates expression text (LET, `$(=...)`, Evaluate()). */
export function evaluateText(text: string, scope: EvaluationScope): Value {
  return compileScalar(parseExpression(text), text)(scope);
}

/**
 * Compiles a tree into a closure. Unknown functions and wrong argument counts of library
 * functions are reported here, before any row is read.
 */
export function compileScalar(expression: Expression, source = ''): CompiledExpression {
  // Without the source text, quote the node as printed (its offsets then start at 0).
  const fail = (
    code: ConstructorParameters<typeof ExpressionError>[0],
    node: Expression,
    detail?: string,
  ) => {
    if (source !== '') return new ExpressionError(code, source, node.start, node.end, detail);
    const printed = printExpression(node);
    return new ExpressionError(code, printed, 0, printed.length, detail);
  };

  const compile = (node: Expression): CompiledExpression => {
    switch (node.kind) {
      case 'number':
      case 'string': {
        const value = node.value;
        return () => value;
      }
      case 'field': {
        const name = node.name;
        return (scope) => {
          const value = scope.field(name);
          if (value !== undefined) return value;
          const variable = scope.variable?.(name);
          if (variable !== undefined) return variable;
          throw fail('EXPR_UNKNOWN_FIELD', node);
        };
      }
      case 'unary': {
        const operand = compile(node.operand);
        const op = node.op;
        return (scope) => applyUnary(op, operand(scope), scope.locale);
      }
      case 'binary': {
        const left = compile(node.left);
        const right = compile(node.right);
        const op = node.op;
        return (scope) => applyBinary(op, left(scope), right(scope), scope.locale);
      }
      case 'aggregate':
        return (scope) => {
          if (!scope.aggregates) {
            throw fail(
              'EXPR_AGGREGATION_UNAVAILABLE',
              node,
              `'${node.name}' needs a chart or GROUP BY`,
            );
          }
          return scope.aggregates.evaluateAggregate(node, scope);
        };
      case 'call':
        return compileCall(node, compile, fail);
      case 'star':
      case 'tuple':
        throw fail('EXPR_BAD_ARGUMENT', node, 'only allowed as an argument of an aggregation');
    }
  };
  return compile(expression);
}

type Fail = (
  code: ConstructorParameters<typeof ExpressionError>[0],
  node: Expression,
  detail?: string,
) => ExpressionError;

function compileCall(
  node: FunctionCall,
  compile: (node: Expression) => CompiledExpression,
  fail: Fail,
): CompiledExpression {
  const lowerName = node.name.toLowerCase();
  const fromHost = (scope: EvaluationScope): Value | undefined => {
    const host = scope.rowFunctions;
    if (!host?.names.has(lowerName)) return undefined;
    return host.call({
      name: lowerName,
      args: node.args,
      evaluate: (argument) => evaluateScalar(argument, scope),
    });
  };
  const library = lookupFunction(lowerName);
  if (!library) {
    return (scope) => {
      const value = fromHost(scope);
      if (value !== undefined) return value;
      const names = [...scalarFunctions.values()].map((entry) => entry.name);
      const suggestion = closestName(node.name, [...names, ...(scope.rowFunctions?.names ?? [])]);
      const hint = suggestion ? `; did you mean '${suggestion}'?` : '';
      throw fail('EXPR_UNKNOWN_FUNCTION', node, `'${node.name}' is not a known function${hint}`);
    };
  }
  checkArgumentCount(library, node, fail);
  const args = node.args.map(compile);
  if (library.lazy) {
    return (scope) => {
      const hosted = fromHost(scope);
      if (hosted !== undefined) return hosted;
      return library.fn(new LazyArgumentList(args, scope), contextOf(scope));
    };
  }
  return (scope) => {
    const hosted = fromHost(scope);
    if (hosted !== undefined) return hosted;
    const values: Value[] = new Array(args.length);
    for (let i = 0; i < args.length; i++) values[i] = args[i]!(scope);
    return library.fn(values, contextOf(scope));
  };
}

function checkArgumentCount(library: ScalarFunction, node: FunctionCall, fail: Fail): void {
  const count = node.args.length;
  if (count >= library.minArgs && count <= library.maxArgs) return;
  const range =
    library.maxArgs === Number.POSITIVE_INFINITY
      ? `at least ${library.minArgs}`
      : library.minArgs === library.maxArgs
        ? `${library.minArgs}`
        : `${library.minArgs} to ${library.maxArgs}`;
  throw fail(
    'EXPR_ARGUMENT_COUNT',
    node,
    `${library.name} takes ${range} argument(s), got ${count}`,
  );
}

/** Evaluates each argument on first use and keeps the value for the rest of the call. */
class LazyArgumentList implements LazyArguments {
  private readonly values: (Value | undefined)[];

  constructor(
    private readonly args: readonly CompiledExpression[],
    private readonly scope: EvaluationScope,
  ) {
    this.values = new Array(args.length);
  }

  get count(): number {
    return this.args.length;
  }

  get(index: number): Value {
    let value = this.values[index];
    if (value === undefined) {
      const arg = this.args[index];
      value = arg ? arg(this.scope) : null;
      this.values[index] = value;
    }
    return value;
  }
}

/**
 * The function context of a scope: locale, clock, random source and nested evaluation. A class
 * rather than an object of closures: it is made once per call, on the hot path.
 */
class ScopeContext implements FunctionContext {
  constructor(private readonly scope: EvaluationScope) {}

  get locale() {
    return this.scope.locale;
  }

  now(): number {
    return this.scope.now ? this.scope.now() : serialFromMs(Date.now());
  }

  random(): number {
    return this.scope.random ? this.scope.random() : Math.random();
  }

  evaluate(text: string): Value {
    return evaluateText(text, this.scope);
  }
}

export function contextOf(scope: EvaluationScope): FunctionContext {
  return new ScopeContext(scope);
}
