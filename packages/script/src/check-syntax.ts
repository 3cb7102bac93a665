import { type DollarExpansionHooks, ExpressionError, parseExpression } from '@cairn/engine';
import { buildBlockTree, locate } from './control/block-tree.js';
import { type ControlHeader, parseControlHeader } from './control/control-header.js';
import { defaultVariables } from './default-header.js';
import { ScriptError } from './errors.js';
import { expandStatement } from './expand/expand-statement.js';
import { StatementSyntaxError } from './parse/cursor.js';
import { parseStatement } from './parse/statement-parser.js';
import { normaliseScriptPath } from './run/paths.js';
import { SourceText } from './source/source-text.js';
import { type RawStatement, splitStatements } from './source/splitter.js';

/**
 * Finds syntax errors without running the script: unclosed quotes and comments, unbalanced
 * control blocks, statements the grammar rejects, invalid expressions, and file paths that leave
 * the data folder. Statements whose text depends on a variable only known when running (LET,
 * `$(=…)`, an unknown variable) are skipped rather than guessed at; includes are not followed.
 */
export function checkScriptSyntax(script: string): ScriptError[] {
  const source = new SourceText('main', script);
  let statements: RawStatement[];
  try {
    statements = splitStatements(source);
  } catch (error) {
    if (error instanceof ScriptError) return [error];
    throw error;
  }
  const errors: ScriptError[] = [];
  try {
    buildBlockTree(statements);
  } catch (error) {
    if (!(error instanceof ScriptError)) throw error;
    errors.push(error);
  }
  const known = new Map(Object.entries(defaultVariables));
  for (const raw of statements) {
    const error = checkStatement(raw, known);
    if (error !== null && !errors.some((e) => e.line === error.line && e.column === error.column))
      errors.push(error);
  }
  return errors.sort((a, b) => a.line - b.line || a.column - b.column);
}

function checkStatement(raw: RawStatement, known: Map<string, string>): ScriptError | null {
  if (/^\s*\$\(\s*(must_)?include\s*=/i.test(raw.text)) return null;
  let certain = true;
  const hooks: DollarExpansionHooks = {
    variable: (name) => {
      const value = known.get(name);
      if (value === undefined) certain = false;
      return value;
    },
    variableNumber: () => {
      certain = false;
      return 0;
    },
    evaluate: () => {
      certain = false;
      return '';
    },
  };
  try {
    if (raw.control !== null) return checkControl(raw, parseControlHeader(raw.text, raw.control));
    const expanded = expandStatement(raw.text, hooks);
    if (!certain) return null;
    try {
      const statement = parseStatement(expanded.text);
      if (statement.kind === 'set') {
        if (statement.value === null) known.delete(statement.name);
        else known.set(statement.name, statement.value);
      }
      if (statement.kind === 'let') known.delete(statement.name);
      const path =
        statement.kind === 'store'
          ? statement.path
          : statement.kind === 'load' && statement.part.source.kind === 'file'
            ? statement.part.source.path
            : null;
      const at =
        statement.kind === 'store'
          ? statement.pathAt
          : statement.kind === 'load' && statement.part.source.kind === 'file'
            ? statement.part.source.at
            : 0;
      if (path !== null && refusedRelative(path)) {
        return raw.source.error(
          'PATH_REFUSED',
          `the path "${path}" would leave the data folder`,
          raw.start + expanded.originOf(at),
          path,
        );
      }
      return null;
    } catch (error) {
      if (error instanceof StatementSyntaxError)
        return locate(raw, error, (at) => expanded.originOf(at));
      throw error;
    }
  } catch (error) {
    if (error instanceof StatementSyntaxError) return locate(raw, error);
    if (error instanceof ExpressionError)
      return raw.source.error('SYNTAX_ERROR', error.message, raw.start + error.position.offset);
    if (error instanceof ScriptError) return error;
    throw error;
  }
}

/** Only dot segments are a syntax-level refusal; absolute paths are refused when run. */
function refusedRelative(path: string): boolean {
  const result = normaliseScriptPath(path);
  return 'refused' in result && /segment/.test(result.refused);
}

/** Parses a control statement's expressions when they hold no expansion. */
function checkControl(raw: RawStatement, header: ControlHeader): ScriptError | null {
  const expressions = [];
  switch (header.kind) {
    case 'if':
    case 'elseif':
      expressions.push(header.condition);
      break;
    case 'for':
      expressions.push(header.from, header.to, ...(header.step === null ? [] : [header.step]));
      break;
    case 'do':
    case 'loop':
      if (header.test !== null) expressions.push(header.test.condition);
      break;
    case 'switch':
      expressions.push(header.value);
      break;
    case 'case':
      expressions.push(...header.values);
      break;
    case 'call':
      expressions.push(...header.args);
      break;
    default:
      break;
  }
  for (const expression of expressions) {
    if (expression.text.includes('$(')) continue;
    try {
      parseExpression(expression.text);
    } catch (error) {
      if (error instanceof ExpressionError) {
        return raw.source.error(
          'EXPRESSION_ERROR',
          error.message,
          raw.start + expression.at + error.position.offset,
          error.found || undefined,
        );
      }
      throw error;
    }
  }
  return null;
}
