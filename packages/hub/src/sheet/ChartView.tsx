import { useEffect, useRef, useState } from 'react';
import { errorText } from '../app/use-async.js';
import { useAppSession } from '../appview/app-session.js';
import { t } from '../i18n/t.js';

/**
 * One persisted chart rendered by stardust (`nebbie.render({element, id})`). `data-rendered`
 * marks the element once the chart has drawn, for tests and the time-to-sheet measurement.
 */
export function ChartView(props: { readonly id: string }) {
  const { nebbie } = useAppSession();
  const element = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'rendered' | { error: string }>('loading');

  useEffect(() => {
    const target = element.current;
    if (target === null) return;
    const abort = new AbortController();
    let destroy = () => {};
    setState('loading');
    nebbie
      .render({
        element: target,
        id: props.id,
        signal: abort.signal,
        onRender: () => setState('rendered'),
      })
      .then((viz) => {
        destroy = () => void viz.destroy();
        if (abort.signal.aborted) destroy();
        else setState('rendered');
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setState({ error: errorText(e) });
      });
    return () => {
      abort.abort();
      destroy();
    };
  }, [nebbie, props.id]);

  return (
    <>
      <div
        ref={element}
        className="chart"
        data-rendered={state === 'rendered' ? 'true' : 'false'}
      />
      {typeof state === 'object' && (
        <p className="chart-error" role="alert">
          {t('sheet.renderFailed', { message: state.error })}
        </p>
      )}
    </>
  );
}
