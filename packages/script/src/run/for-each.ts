import { textOf, type Value } from '@cairn/engine';
import type { ScriptNode } from '../control/block-tree.js';
import type { Flow, Interpreter } from './interpreter.js';
import { normaliseScriptPath } from './paths.js';
import { splitTopLevel } from './split-top-level.js';

const LIST_FUNCTION = /^(filelist|dirlist|fieldvaluelist)\s*\(([\s\S]*)\)$/i;

/**
 * `FOR EACH v IN a, b, FileList('lib://x/*.csv') … NEXT`: each item is an expression, except the
 * list functions, which yield many values (files from the host, or a field's values).
 */
export async function runForEach(
  interpreter: Interpreter,
  node: Extract<ScriptNode, { kind: 'foreach' }>,
): Promise<Flow> {
  const { raw, header } = node;
  const context = interpreter.reload;
  const expanded = interpreter.expand(raw, header.list.text, header.list.at).text;
  const values: Value[] = [];
  for (const item of splitTopLevel(expanded)) {
    const list = LIST_FUNCTION.exec(item.text.trim());
    if (list === null) {
      values.push(interpreter.value(raw, { text: item.text, at: header.list.at + item.at }));
      continue;
    }
    const argument =
      textOf(interpreter.value(raw, { text: list[2] as string, at: header.list.at + item.at })) ??
      '';
    const kind = (list[1] as string).toLowerCase();
    if (kind === 'fieldvaluelist') {
      const seen = new Set<string>();
      for (const table of context.tables.values()) {
        const column = table.column(argument);
        for (let row = 0; column !== undefined && row < table.rowCount; row++) {
          const value = column.valueAt(row);
          const key = textOf(value);
          if (key !== null && !seen.has(key)) {
            seen.add(key);
            values.push(value);
          }
        }
      }
      continue;
    }
    interpreter.at(raw);
    const mask = normaliseScriptPath(argument);
    if ('refused' in mask) throw context.error('PATH_REFUSED', `${mask.refused}: "${argument}"`);
    if (kind === 'dirlist') throw context.error('NOT_SUPPORTED', 'DirList is not supported yet');
    values.push(...(await context.host.listFiles(mask.path)));
  }
  for (const value of values) {
    context.variables.setValue(header.variable, value);
    const flow = await interpreter.run(node.body);
    if (flow === 'exit-for') break;
    if (flow !== 'normal') return flow;
  }
  return 'normal';
}
