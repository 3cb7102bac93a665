import type { ScriptError } from '../errors.js';
import { StatementSyntaxError } from '../parse/cursor.js';
import type { RawStatement } from '../source/splitter.js';
import {
  type ControlHeader,
  type LoopTest,
  parseControlHeader,
  type RawExpression,
} from './control-header.js';

/** The script as a tree: regular statements at the leaves, control structures around them. */
export type ScriptNode =
  | { readonly kind: 'statement'; readonly raw: RawStatement }
  | {
      readonly kind: 'if';
      readonly branches: readonly {
        readonly raw: RawStatement;
        readonly condition: RawExpression;
        readonly body: readonly ScriptNode[];
      }[];
      readonly otherwise: readonly ScriptNode[] | null;
    }
  | {
      readonly kind: 'for';
      readonly raw: RawStatement;
      readonly header: Extract<ControlHeader, { kind: 'for' }>;
      readonly body: readonly ScriptNode[];
    }
  | {
      readonly kind: 'foreach';
      readonly raw: RawStatement;
      readonly header: Extract<ControlHeader, { kind: 'foreach' }>;
      readonly body: readonly ScriptNode[];
    }
  | {
      readonly kind: 'do';
      readonly raw: RawStatement;
      readonly head: LoopTest | null;
      readonly tail: LoopTest | null;
      readonly tailRaw: RawStatement;
      readonly body: readonly ScriptNode[];
    }
  | {
      readonly kind: 'sub';
      readonly raw: RawStatement;
      readonly name: string;
      readonly params: readonly string[];
      readonly body: readonly ScriptNode[];
    }
  | {
      readonly kind: 'switch';
      readonly raw: RawStatement;
      readonly value: RawExpression;
      readonly cases: readonly {
        readonly raw: RawStatement;
        readonly values: readonly RawExpression[];
        readonly body: readonly ScriptNode[];
      }[];
      readonly otherwise: readonly ScriptNode[] | null;
    }
  | {
      readonly kind: 'call';
      readonly raw: RawStatement;
      readonly name: string;
      readonly args: readonly RawExpression[];
    }
  | {
      readonly kind: 'exit';
      readonly raw: RawStatement;
      readonly header: Extract<ControlHeader, { kind: 'exit' }>;
    };

interface Parsed {
  readonly raw: RawStatement;
  readonly header: ControlHeader | null;
}

/** Nests control statements; an unopened or unclosed block is a located error. */
export function buildBlockTree(statements: readonly RawStatement[]): ScriptNode[] {
  const parsed = statements.map(parseHeader);
  const builder = new TreeBuilder(parsed);
  const nodes = builder.block([]);
  const stray = builder.peek();
  if (stray !== undefined)
    throw unexpected(
      stray.raw,
      `${stray.raw.control?.toUpperCase()} without its opening statement`,
    );
  return nodes;
}

/** Turns a statement-relative syntax error into a located script error. */
export function locate(
  raw: RawStatement,
  error: StatementSyntaxError,
  originOf = (at: number) => at,
): ScriptError {
  return raw.source.error(
    error.code,
    error.message,
    raw.start + originOf(error.offset),
    error.found || undefined,
  );
}

function parseHeader(raw: RawStatement): Parsed {
  if (raw.control === null) return { raw, header: null };
  try {
    return { raw, header: parseControlHeader(raw.text, raw.control) };
  } catch (error) {
    if (error instanceof StatementSyntaxError) throw locate(raw, error);
    throw error;
  }
}

function unexpected(raw: RawStatement, detail: string): ScriptError {
  return raw.source.error('BLOCK_UNBALANCED', detail, raw.start, raw.text.trim().split('\n')[0]);
}

class TreeBuilder {
  private index = 0;

  constructor(private readonly items: readonly Parsed[]) {}

  peek(): Parsed | undefined {
    return this.items[this.index];
  }

  /** Reads nodes until one of `enders` (a control kind) is next; does not consume it. */
  block(enders: readonly string[]): ScriptNode[] {
    const nodes: ScriptNode[] = [];
    for (;;) {
      const item = this.peek();
      if (item === undefined) return nodes;
      const header = item.header;
      if (header === null) {
        this.index++;
        nodes.push({ kind: 'statement', raw: item.raw });
        continue;
      }
      if (enders.includes(header.kind)) return nodes;
      this.index++;
      nodes.push(this.control(item, header));
    }
  }

  private control(item: Parsed, header: ControlHeader): ScriptNode {
    const raw = item.raw;
    switch (header.kind) {
      case 'if': {
        const branches = [
          { raw, condition: header.condition, body: this.block(['elseif', 'else', 'endif']) },
        ];
        let otherwise: ScriptNode[] | null = null;
        for (;;) {
          const next = this.close(raw, ['elseif', 'else', 'endif'], 'END IF');
          if (next.header?.kind === 'elseif') {
            branches.push({
              raw: next.raw,
              condition: next.header.condition,
              body: this.block(['elseif', 'else', 'endif']),
            });
          } else if (next.header?.kind === 'else') {
            otherwise = this.block(['endif']);
            this.close(raw, ['endif'], 'END IF');
            return { kind: 'if', branches, otherwise };
          } else return { kind: 'if', branches, otherwise };
        }
      }
      case 'for':
      case 'foreach': {
        const body = this.block(['next']);
        this.close(raw, ['next'], 'NEXT');
        return header.kind === 'for'
          ? { kind: 'for', raw, header, body }
          : { kind: 'foreach', raw, header, body };
      }
      case 'do': {
        const body = this.block(['loop']);
        const end = this.close(raw, ['loop'], 'LOOP');
        const tail = end.header?.kind === 'loop' ? end.header.test : null;
        return { kind: 'do', raw, head: header.test, tail, tailRaw: end.raw, body };
      }
      case 'sub': {
        const body = this.block(['endsub']);
        this.close(raw, ['endsub'], 'END SUB');
        return { kind: 'sub', raw, name: header.name, params: header.params, body };
      }
      case 'switch':
        return this.switchNode(raw, header.value);
      case 'call':
        return { kind: 'call', raw, name: header.name, args: header.args };
      case 'exit':
        return { kind: 'exit', raw, header };
      default:
        throw unexpected(raw, `${header.kind.toUpperCase()} without its opening statement`);
    }
  }

  private switchNode(raw: RawStatement, value: RawExpression): ScriptNode {
    const cases: { raw: RawStatement; values: readonly RawExpression[]; body: ScriptNode[] }[] = [];
    let otherwise: ScriptNode[] | null = null;
    const enders = ['case', 'default', 'endswitch'];
    this.block(enders);
    for (;;) {
      const next = this.close(raw, enders, 'END SWITCH');
      if (next.header?.kind === 'case')
        cases.push({ raw: next.raw, values: next.header.values, body: this.block(enders) });
      else if (next.header?.kind === 'default') otherwise = this.block(enders);
      else return { kind: 'switch', raw, value, cases, otherwise };
    }
  }

  /** Consumes the statement that closes (or continues) the block opened by `opener`. */
  private close(opener: RawStatement, kinds: readonly string[], expected: string): Parsed {
    const next = this.peek();
    if (next === undefined || next.header === null || !kinds.includes(next.header.kind)) {
      throw unexpected(opener, `${opener.control?.toUpperCase()} is not closed by ${expected}`);
    }
    this.index++;
    return next;
  }
}
