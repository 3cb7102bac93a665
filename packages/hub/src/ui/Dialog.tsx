import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { t } from '../i18n/t.js';

interface DialogProps {
  readonly title: string;
  readonly onClose: () => void;
  /** When given, the dialog body is a form and Enter submits it. */
  readonly onSubmit?: () => void;
  readonly submitLabel?: string;
  readonly submitDisabled?: boolean;
  readonly children: ReactNode;
}

/**
 * A modal dialog on the native <dialog> element: `showModal()` makes the page behind it inert,
 * moves focus into the dialog and closes on Escape; focus goes back to the control that opened
 * it when it closes.
 */
export function Dialog(props: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onClose } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, [onClose]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit?.();
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId}>
      <form onSubmit={submit} method="dialog">
        <header className="dialog-header">
          <h2 id={titleId}>{props.title}</h2>
          <button
            type="button"
            className="icon-button"
            onClick={onClose}
            aria-label={t('dialog.close')}
          >
            ×
          </button>
        </header>
        <div className="dialog-body">{props.children}</div>
        <footer className="dialog-footer">
          <button type="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          {props.onSubmit !== undefined && (
            <button type="submit" className="primary" disabled={props.submitDisabled}>
              {props.submitLabel ?? t('dialog.create')}
            </button>
          )}
        </footer>
      </form>
    </dialog>
  );
}
