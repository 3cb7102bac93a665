import { useId, useState } from 'react';
import type { NxApp, Space } from '../api/types.js';
import { useServices } from '../app/services.js';
import { errorText } from '../app/use-async.js';
import { t } from '../i18n/t.js';
import { Dialog } from '../ui/Dialog.js';
import { Status } from '../ui/Status.js';

const PERSONAL = '';

export function CreateAppDialog(props: {
  readonly spaces: readonly Space[];
  readonly spaceId: string | null;
  readonly onClose: () => void;
  readonly onCreated: (app: NxApp) => void;
}) {
  const { rest } = useServices();
  const [name, setName] = useState('');
  const [space, setSpace] = useState(props.spaceId ?? PERSONAL);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { name: useId(), space: useId() };

  const submit = async () => {
    if (name.trim() === '') return setError(t('dialog.nameRequired'));
    setBusy(true);
    try {
      props.onCreated(await rest.createApp(name.trim(), space === PERSONAL ? null : space));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('dialog.createApp')}
      onClose={props.onClose}
      onSubmit={submit}
      submitDisabled={busy}
    >
      <label htmlFor={ids.name}>{t('dialog.name')}</label>
      <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} required />
      <label htmlFor={ids.space}>{t('dialog.space')}</label>
      <select id={ids.space} value={space} onChange={(e) => setSpace(e.target.value)}>
        <option value={PERSONAL}>{t('hub.personalSpace')}</option>
        {props.spaces.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      {error !== null && <Status tone="error" message={error} />}
    </Dialog>
  );
}
