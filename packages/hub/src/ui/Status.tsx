import { t } from '../i18n/t.js';

/** A polite live region: screen readers announce loading and outcome messages as they change. */
export function Status(props: { readonly message: string; readonly tone?: 'info' | 'error' }) {
  if (props.tone === 'error') {
    return (
      <p className="status status-error" role="alert">
        {props.message}
      </p>
    );
  }
  return (
    <p className="status" role="status">
      {props.message}
    </p>
  );
}

export function Loading() {
  return <Status message={t('app.loading')} />;
}

export function ErrorMessage(props: { readonly error: Error }) {
  return <Status tone="error" message={t('app.error', { message: props.error.message })} />;
}
