import { useId, useState } from 'react';
import type { Space } from '../api/types.js';
import { useServices } from '../app/services.js';
import { errorText } from '../app/use-async.js';
import { t } from '../i18n/t.js';
import { Dialog } from '../ui/Dialog.js';
import { Status } from '../ui/Status.js';

export function CreateSpaceDialog(props: {
  readonly onClose: () => void;
  readonly onCreated: (space: Space) => void;
}) {
  const { rest } = useServices();
  const [name, setName] = useState('');
  const [type, setType] = useState('shared');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { name: useId(), type: useId(), description: useId() };

  const submit = async () => {
    if (name.trim() === '') return setError(t('dialog.nameRequired'));
    setBusy(true);
    try {
      props.onCreated(await rest.createSpace(name.trim(), type, description));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('dialog.createSpace')}
      onClose={props.onClose}
      onSubmit={submit}
      submitDisabled={busy}
    >
      <label htmlFor={ids.name}>{t('dialog.name')}</label>
      <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} required />
      <label htmlFor={ids.type}>{t('dialog.spaceType')}</label>
      <select id={ids.type} value={type} onChange={(e) => setType(e.target.value)}>
        <option value="shared">{t('hub.spaceType.shared')}</option>
        <option value="managed">{t('hub.spaceType.managed')}</option>
        <option value="data">{t('hub.spaceType.data')}</option>
      </select>
      <label htmlFor={ids.description}>{t('dialog.description')}</label>
      <textarea
        id={ids.description}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      {error !== null && <Status tone="error" message={error} />}
    </Dialog>
  );
}
