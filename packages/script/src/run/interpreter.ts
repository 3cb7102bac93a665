import {
  type DollarExpansionHooks,
  ExpressionError,
  evaluateScalar,
  isTrue,
  parseExpression,
  textOf,
  type Value,
} from '@cairn/engine';
import { buildBlockTree, locate, type ScriptNode } from '../control/block-tree.js';
import type { RawExpression } from '../control/control-header.js';
import { ScriptError } from '../errors.js';
import { type ExpandedStatement, expandStatement } from '../expand/expand-statement.js';
import type { Statement } from '../parse/ast.js';
import { StatementSyntaxError } from '../parse/cursor.js';
import { parseStatement } from '../parse/statement-parser.js';
import { SourceText } from '../source/source-text.js';
import { type RawStatement, splitStatements } from '../source/splitter.js';
import { ExpressionAt } from './expression-at.js';
import { runForEach } from './for-each.js';
import { normaliseScriptPath } from './paths.js';
import type { ReloadContext } from './reload-context.js';
import { emptyRowState, ScriptRowFunctions } from './row-functions.js';
import { rowLessScope } from './row-less-scope.js';
import { StatementRunner } from './statement-runner.js';

/** How a block ended: normally, or by an EXIT that an enclosing construct consumes. */
export type Flow = 'normal' | 'exit-for' | 'exit-do' | 'exit-sub' | 'exit-script';

const UNSTOPPABLE: ReadonlySet<string> = new Set(['CANCELLED', 'ROW_LIMIT', 'MEMORY_LIMIT']);

// Known gap: an include must be a statement of its own (`$(include=x.qvs);`); an include in the
// middle of a statement is reported as an error rather than spliced in.
const INCLUDE = /^\s*\$\(\s*(must_)?include\s*=([\s\S]*)\)\s*$/i;

/** Walks the block tree, expanding and parsing each statement just before it runs (§4.1). */
export class Interpreter {
  private readonly statements: StatementRunner;
  private readonly functions: ScriptRowFunctions;

  constructor(private readonly context: ReloadContext) {
    this.functions = new ScriptRowFunctions(context, emptyRowState());
    this.statements = new StatementRunner(context, this.functions, (raw) => this.at(raw));
  }

  /** Runs the whole script; a LOAD left waiting for its source is an error at its place. */
  async runScript(nodes: readonly ScriptNode[]): Promise<void> {
    await this.run(nodes);
    const pending = this.statements.pendingLoad();
    if (pending !== null) {
      this.at(pending);
      throw this.context.error(
        'SYNTAX_ERROR',
        'a preceding LOAD (without FROM, RESIDENT, INLINE or AUTOGENERATE) has no LOAD after it',
      );
    }
  }

  async run(nodes: readonly ScriptNode[]): Promise<Flow> {
    for (const node of nodes) {
      const flow = await this.node(node);
      if (flow !== 'normal') return flow;
    }
    return 'normal';
  }

  private async node(node: ScriptNode): Promise<Flow> {
    this.context.checkBudgets();
    switch (node.kind) {
      case 'statement':
        return this.statement(node.raw).catch((error: unknown) => this.tolerate(error));
      case 'if':
        for (const branch of node.branches) {
          if (this.test(branch.raw, branch.condition)) return this.run(branch.body);
        }
        return node.otherwise === null ? 'normal' : this.run(node.otherwise);
      case 'for':
        return this.forLoop(node);
      case 'foreach':
        return runForEach(this, node);
      case 'do':
        return this.doLoop(node);
      case 'sub':
        this.context.subs.set(node.name.toLowerCase(), { params: node.params, body: node.body });
        return 'normal';
      case 'call':
        return this.call(node);
      case 'switch':
        return this.switchCase(node);
      case 'exit': {
        const when = node.header.when;
        if (when !== null && this.test(node.raw, when.condition) === when.unless) return 'normal';
        return `exit-${node.header.what}`;
      }
    }
  }

  /**
   * `SET ErrorMode = 0` lets a script go on after a failed statement; the error is kept in
   * ScriptError, ScriptErrorCount and ScriptErrorList (research §4.5). Cancellation and budgets
   * always stop the reload.
   */
  private tolerate(error: unknown): Flow {
    const variables = this.context.variables;
    const mode = variables.systemText('ErrorMode')?.trim();
    if (!(error instanceof ScriptError) || mode !== '0' || UNSTOPPABLE.has(error.code)) throw error;
    const count = (variables.numberOf('ScriptErrorCount') ?? 0) + 1;
    variables.setValue('ScriptErrorCount', count);
    variables.setText('ScriptError', error.code);
    const list = variables.text('ScriptErrorList');
    variables.setText('ScriptErrorList', list ? `${list}\n${error.message}` : error.message);
    this.statements.dropPending();
    this.context.warn({
      code: error.code,
      message: error.message,
      file: error.file,
      line: error.line,
    });
    return 'normal';
  }

  private async forLoop(node: Extract<ScriptNode, { kind: 'for' }>): Promise<Flow> {
    const { header, raw } = node;
    const from = this.number(raw, header.from);
    const to = this.number(raw, header.to);
    const step = header.step === null ? 1 : this.number(raw, header.step);
    if (step === 0)
      throw this.locatedError(raw, 'INVALID_ARGUMENT', 'FOR … STEP 0 would never end');
    for (let value = from; step > 0 ? value <= to : value >= to; value += step) {
      this.context.variables.setValue(header.variable, value);
      this.context.checkBudgets();
      const flow = await this.run(node.body);
      if (flow === 'exit-for') break;
      if (flow !== 'normal') return flow;
    }
    return 'normal';
  }

  private async doLoop(node: Extract<ScriptNode, { kind: 'do' }>): Promise<Flow> {
    for (;;) {
      if (node.head !== null && this.test(node.raw, node.head.condition) === node.head.until) break;
      const flow = await this.run(node.body);
      if (flow === 'exit-do') break;
      if (flow !== 'normal') return flow;
      if (node.tail !== null && this.test(node.tailRaw, node.tail.condition) === node.tail.until)
        break;
      this.context.checkBudgets();
    }
    return 'normal';
  }

  private async call(node: Extract<ScriptNode, { kind: 'call' }>): Promise<Flow> {
    const sub = this.context.subs.get(node.name.toLowerCase());
    if (sub === undefined)
      throw this.locatedError(
        node.raw,
        'SUB_NOT_FOUND',
        `subroutine "${node.name}" is not defined (yet)`,
      );
    const values = node.args.map((arg) => this.value(node.raw, arg));
    const saved = sub.params.map(
      (name) =>
        [
          name,
          this.context.variables.has(name) ? this.context.variables.value(name) : undefined,
        ] as const,
    );
    sub.params.forEach((name, i) => {
      this.context.variables.setValue(name, values[i] ?? null);
    });
    try {
      const flow = await this.run(sub.body);
      return flow === 'exit-sub' ? 'normal' : flow;
    } finally {
      // Parameters are local to the call: restore what the names held before. Known gap: Qlik
      // writes a parameter back when the argument was a variable name (research §4.6, verify);
      // Cairn passes by value only.
      for (const [name, value] of saved) {
        if (value === undefined) this.context.variables.delete(name);
        else this.context.variables.setValue(name, value);
      }
    }
  }

  private async switchCase(node: Extract<ScriptNode, { kind: 'switch' }>): Promise<Flow> {
    const value = this.value(node.raw, node.value);
    for (const branch of node.cases) {
      if (branch.values.some((candidate) => sameValue(value, this.value(branch.raw, candidate))))
        return this.run(branch.body);
    }
    return node.otherwise === null ? 'normal' : this.run(node.otherwise);
  }

  /** Expands, parses and evaluates an expression of a control statement in no row. */
  value(raw: RawStatement, expression: RawExpression): Value {
    this.at(raw);
    const expanded = this.expand(raw, expression.text, expression.at);
    try {
      return evaluateScalar(
        parseExpression(expanded.text),
        rowLessScope(this.context, this.functions),
        expanded.text,
      );
    } catch (error) {
      if (error instanceof ExpressionError) {
        const offset = expression.at + expanded.originOf(error.position.offset);
        throw raw.source.error(
          'EXPRESSION_ERROR',
          error.message,
          raw.start + offset,
          error.found || undefined,
        );
      }
      throw error;
    }
  }

  private test(raw: RawStatement, expression: RawExpression): boolean {
    return isTrue(this.value(raw, expression), this.context.locale);
  }

  private number(raw: RawStatement, expression: RawExpression): number {
    const value = this.value(raw, expression);
    const number =
      typeof value === 'number'
        ? value
        : Number(value === null ? Number.NaN : typeof value === 'string' ? value : value.num);
    if (!Number.isFinite(number))
      throw this.locatedError(
        raw,
        'INVALID_ARGUMENT',
        `"${expression.text.trim()}" is not a number`,
      );
    return number;
  }

  /** One regular statement: include, or expand → parse → run. */
  private async statement(raw: RawStatement): Promise<Flow> {
    this.at(raw);
    const include = INCLUDE.exec(raw.text);
    if (include) return this.include(raw, (include[2] as string).trim(), include[1] !== undefined);
    const expanded = this.expand(raw, raw.text, 0);
    if (expanded.text.trim() === '') return 'normal';
    this.context.emit({
      kind: 'statement',
      elapsedMs: this.context.elapsedMs,
      file: raw.source.file,
      line: this.context.location.line,
      text: expanded.text.trim().slice(0, 300),
    });
    this.context.locateOffset = (at, text) => {
      const { line, column } = raw.source.position(raw.start + expanded.originOf(at));
      return { file: raw.source.file, line, column, text };
    };
    let statement: Statement;
    try {
      statement = parseStatement(expanded.text);
    } catch (error) {
      if (error instanceof StatementSyntaxError)
        throw locate(raw, error, (at) => expanded.originOf(at));
      throw error;
    }
    try {
      await this.statements.execute(raw, statement);
      return 'normal';
    } catch (error) {
      if (error instanceof ExpressionAt) {
        const offset = expanded.originOf(error.at + error.error.position.offset);
        throw raw.source.error(
          'EXPRESSION_ERROR',
          error.error.message,
          raw.start + offset,
          error.error.found || undefined,
        );
      }
      throw error;
    }
  }

  /** `$(include=file)` / `$(must_include=file)`: the file's statements run here. */
  private async include(raw: RawStatement, written: string, must: boolean): Promise<Flow> {
    const path = this.expand(raw, written, 0).text.trim();
    const normalised = normaliseScriptPath(path);
    if ('refused' in normalised)
      throw this.context.error('PATH_REFUSED', `${normalised.refused}: "${path}"`);
    let text: string;
    try {
      const bytes = await this.context.host.readFile(normalised.path);
      text = new TextDecoder('utf-8').decode(bytes);
    } catch (error) {
      if (!must) {
        this.context.warn({
          code: 'INCLUDE_MISSING',
          message: `include file "${path}" was not read: ${(error as Error).message}`,
          file: raw.source.file,
          line: this.context.location.line,
        });
        return 'normal';
      }
      throw this.context.error(
        'INCLUDE_FAILED',
        `must_include file "${path}" cannot be read: ${(error as Error).message}`,
      );
    }
    const source = new SourceText(normalised.path, text);
    return this.run(buildBlockTree(splitStatements(source)));
  }

  /** Dollar-sign expansion of part of a statement (`offset` = where the part starts in it). */
  expand(raw: RawStatement, text: string, offset: number): ExpandedStatement {
    try {
      return expandStatement(text, this.hooks());
    } catch (error) {
      if (error instanceof ExpressionError) {
        throw raw.source.error(
          'SYNTAX_ERROR',
          error.message,
          raw.start + offset + error.position.offset,
          error.found || undefined,
        );
      }
      throw error;
    }
  }

  private hooks(): DollarExpansionHooks {
    const variables = this.context.variables;
    return {
      variable: (name) => variables.text(name),
      variableNumber: (name) => variables.numberOf(name),
      evaluate: (expression) =>
        textOf(
          evaluateScalar(
            parseExpression(expression),
            rowLessScope(this.context, this.functions),
            expression,
          ),
        ) ?? '',
      include: () => {
        throw this.context.error('SYNTAX_ERROR', '$(include=…) must be a statement of its own');
      },
    };
  }

  /** Makes `raw` the statement errors are reported at. */
  at(raw: RawStatement): void {
    const { line, column } = raw.source.position(raw.start);
    this.context.location = {
      file: raw.source.file,
      line,
      column,
      text: raw.text.trim().split('\n')[0] ?? '',
    };
  }

  get reload(): ReloadContext {
    return this.context;
  }

  private locatedError(raw: RawStatement, code: ScriptError['code'], detail: string): ScriptError {
    this.at(raw);
    return this.context.error(code, detail);
  }
}

/** SWITCH / CASE equality: by number when both have one, else by text. */
function sameValue(a: Value, b: Value): boolean {
  if (a === null || b === null) return a === b;
  const na = typeof a === 'number' ? a : typeof a === 'string' ? Number(a) : a.num;
  const nb = typeof b === 'number' ? b : typeof b === 'string' ? Number(b) : b.num;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na === nb;
  return textOf(a) === textOf(b);
}
