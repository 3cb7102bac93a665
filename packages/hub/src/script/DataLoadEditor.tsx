import { useEffect, useRef, useState } from 'react';
import type { NxApp } from '../api/types.js';
import { useServices } from '../app/services.js';
import { errorText, useAsync } from '../app/use-async.js';
import { t } from '../i18n/t.js';
import { ErrorMessage, Loading, Status } from '../ui/Status.js';
import { DataFilePicker } from './DataFilePicker.js';
import { loadStatement } from './load-statement.js';
import { reloadErrorLocation, type ScriptErrorLocation } from './reload-error.js';
import { ScriptEditor, type ScriptEditorHandle } from './ScriptEditor.js';
import { useReloadRunner } from './use-reload-runner.js';

/** The data load editor: script, data-file picker, save, reload with its live log and errors. */
export default function DataLoadEditor(props: { readonly appId: string; readonly app: NxApp }) {
  const { rest } = useServices();
  const { appId, app } = props;
  const [script] = useAsync(() => rest.script(appId), [appId]);
  const editor = useRef<ScriptEditorHandle>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const [failure, setFailure] = useState<ScriptErrorLocation | null>(null);
  const { run, start } = useReloadRunner(rest, appId);

  const save = async (): Promise<boolean> => {
    try {
      await rest.saveScript(appId, editor.current?.text() ?? '');
      setMessage({ text: t('script.saved'), tone: 'info' });
      return true;
    } catch (e) {
      setMessage({ text: t('app.error', { message: errorText(e) }), tone: 'error' });
      return false;
    }
  };

  const reload = async () => {
    setFailure(null);
    setMessage(null);
    editor.current?.markError(null);
    if (await save()) await start();
  };

  useEffect(() => {
    if (run.phase === 'failed-to-start') {
      setMessage({ text: t('script.reloadFailed', { message: run.message }), tone: 'error' });
    }
    if (run.phase !== 'done') return;
    const { reload: r, log } = run;
    if (r.status === 'SUCCEEDED') {
      const summary =
        log
          .split(/\r?\n/)
          .filter((l) => l.trim() !== '')
          .slice(-1)[0] ?? '';
      setMessage({ text: t('script.reloadOk', { summary }), tone: 'info' });
      return;
    }
    const located = reloadErrorLocation(r.errorMessage, log);
    setFailure(located);
    editor.current?.markError(located?.line ?? null);
    const reason = r.errorMessage ?? t(`reload.${r.status}`);
    setMessage({
      text:
        located === null
          ? t('script.reloadFailed', { message: reason })
          : t('script.errorAt', { line: located.line, message: located.message }),
      tone: 'error',
    });
  }, [run]);

  if (script.status === 'loading') return <Loading />;
  if (script.status === 'error') return <ErrorMessage error={script.error} />;
  const running = run.phase === 'running';
  const log = run.phase === 'running' || run.phase === 'done' ? run.log : '';

  return (
    <div className="load-editor">
      <DataFilePicker
        spaceId={app.attributes.spaceId ?? null}
        onPick={(f) => editor.current?.insert(loadStatement(f.name))}
      />
      <section className="script-pane" aria-labelledby="script-heading">
        <div className="section-head">
          <h1 id="script-heading">{t('script.title')}</h1>
          <button type="button" onClick={() => void save()} disabled={running}>
            {t('script.save')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void reload()}
            disabled={running}
          >
            {running ? t('script.reloading') : t('script.reload')}
          </button>
        </div>
        <ScriptEditor ref={editor} initial={script.value} onChange={() => setMessage(null)} />
        {message !== null && <Status tone={message.tone} message={message.text} />}
        {failure !== null && (
          <button
            type="button"
            className="link-button"
            onClick={() => editor.current?.markError(failure.line, true)}
          >
            {t('script.jumpToError', { line: failure.line })}
          </button>
        )}
        <h2 id="log-heading">{t('script.log')}</h2>
        <pre className="reload-log" role="log" aria-labelledby="log-heading">
          {log}
        </pre>
      </section>
    </div>
  );
}
