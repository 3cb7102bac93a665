import { StreamLanguage } from '@codemirror/language';
import { EditorSelection, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { t } from '../i18n/t.js';
import { errorLineField, setErrorLine } from './error-line.js';
import { qlikScript } from './qlik-script-mode.js';

export interface ScriptEditorHandle {
  text(): string;
  /** Inserts text at the cursor (on its own line) and focuses the editor. */
  insert(text: string): void;
  /** Marks the failing line (null clears it); `reveal` scrolls to it and puts the cursor there. */
  markError(line: number | null, reveal?: boolean): void;
}

const language = StreamLanguage.define(qlikScript);

/** The load script in CodeMirror 6 with the Qlik script highlighter. */
export const ScriptEditor = forwardRef<
  ScriptEditorHandle,
  { readonly initial: string; readonly onChange: () => void }
>(function ScriptEditor(props, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;

  // The editor owns its text after mount; `initial` seeds it once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: created once per mount
  useEffect(() => {
    if (host.current === null) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: props.initial,
        extensions: [
          basicSetup,
          language,
          errorLineField,
          EditorView.contentAttributes.of({ 'aria-label': t('script.editorLabel') }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChange.current();
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  useImperativeHandle(ref, () => ({
    text: () => view.current?.state.doc.toString() ?? '',
    insert(text: string) {
      const editor = view.current;
      if (editor === null) return;
      const { from } = editor.state.selection.main;
      const line = editor.state.doc.lineAt(from);
      const atStart = from === line.from;
      const insertText = atStart ? text : `\n${text}`;
      editor.dispatch({
        changes: { from: atStart ? from : line.to, insert: insertText },
        selection: EditorSelection.cursor((atStart ? from : line.to) + insertText.length),
        scrollIntoView: true,
      });
      editor.focus();
    },
    markError(line: number | null, reveal = false) {
      const editor = view.current;
      if (editor === null) return;
      const effects = [setErrorLine.of(line)];
      if (line !== null && reveal && line >= 1 && line <= editor.state.doc.lines) {
        const at = editor.state.doc.line(line).from;
        editor.dispatch({ effects, selection: EditorSelection.cursor(at), scrollIntoView: true });
        editor.focus();
      } else {
        editor.dispatch({ effects });
      }
    },
  }));

  return <div ref={host} className="script-editor" />;
});
