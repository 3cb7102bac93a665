import { ExpressionError, evaluateScalar, textOf } from '@cairn/engine';
import type { LoadPart, Statement } from '../parse/ast.js';
import type { RawStatement } from '../source/splitter.js';
import { ExpressionAt } from './expression-at.js';
import { type LoadChain, runLoadChain } from './load-statement.js';
import { runModelStatement } from './model-statements.js';
import type { ReloadContext } from './reload-context.js';
import type { ScriptRowFunctions } from './row-functions.js';
import { rowLessScope } from './row-less-scope.js';
import { runStore } from './store-statement.js';

/**
 * Runs one parsed regular statement. LOADs without a source wait here until the LOAD (or SELECT)
 * below them arrives: a preceding-load chain spans several `;`-separated statements (§4.4).
 */
export class StatementRunner {
  private pending: {
    label: string | null;
    prefixes: LoadChain['prefixes'];
    parts: LoadPart[];
    raw: RawStatement;
  } | null = null;

  constructor(
    private readonly context: ReloadContext,
    private readonly functions: ScriptRowFunctions,
    private readonly at: (raw: RawStatement) => void,
  ) {}

  /** The first LOAD of a chain still waiting for its source, if any. */
  pendingLoad(): RawStatement | null {
    return this.pending?.raw ?? null;
  }

  dropPending(): void {
    this.pending = null;
  }

  async execute(raw: RawStatement, statement: Statement): Promise<void> {
    if (this.pending !== null && statement.kind !== 'load') {
      this.at(this.pending.raw);
      throw this.context.error(
        'SYNTAX_ERROR',
        'a preceding LOAD must be followed directly by a LOAD or SELECT',
      );
    }
    const context = this.context;
    switch (statement.kind) {
      case 'load': {
        if (statement.part.source.kind === 'preceding') {
          if (this.pending === null)
            this.pending = { label: statement.label, prefixes: statement.prefixes, parts: [], raw };
          this.pending.parts.push(statement.part);
          return;
        }
        const chain: LoadChain =
          this.pending === null
            ? { label: statement.label, prefixes: statement.prefixes, parts: [statement.part] }
            : {
                label: this.pending.label,
                prefixes: this.pending.prefixes,
                parts: [...this.pending.parts, statement.part],
              };
        this.pending = null;
        await runLoadChain(context, chain);
        return;
      }
      case 'set':
        context.variables.setText(statement.name, statement.value);
        return;
      case 'let':
        if (statement.value === null) context.variables.delete(statement.name);
        else {
          const value = statement.value;
          const result = locatedEval(value, () =>
            evaluateScalar(value.ast, rowLessScope(context, this.functions), value.text),
          );
          context.variables.setValue(statement.name, result);
        }
        return;
      case 'store':
        await runStore(context, statement);
        return;
      case 'trace':
        context.emit({ kind: 'trace', elapsedMs: context.elapsedMs, message: statement.text });
        return;
      case 'sleep': {
        const ms = statement.ms;
        const value = locatedEval(ms, () =>
          evaluateScalar(ms.ast, rowLessScope(context, this.functions), ms.text),
        );
        await sleep(
          Math.min(Math.max(0, Number(textOf(value)) || 0), 3_600_000),
          context.host.signal,
        );
        return;
      }
      case 'unsupported':
        throw context.error('NOT_SUPPORTED', `${statement.what} is not supported yet`);
      default:
        if (runModelStatement(context, statement)) return;
        throw context.error(
          'NOT_SUPPORTED',
          `the ${statement.kind} statement is not supported yet`,
        );
    }
  }
}

function locatedEval<T>(expression: { at: number }, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ExpressionError) throw new ExpressionAt(error, expression.at);
    throw error;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
