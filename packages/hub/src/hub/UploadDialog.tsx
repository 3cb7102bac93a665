import { useId, useState } from 'react';
import { uploadDataFile } from '../api/upload.js';
import { useServices } from '../app/services.js';
import { errorText } from '../app/use-async.js';
import { t } from '../i18n/t.js';
import { Dialog } from '../ui/Dialog.js';
import { Status } from '../ui/Status.js';

/** Uploads a data file into the space (null = personal) and shows the bytes sent as it goes. */
export function UploadDialog(props: {
  readonly spaceId: string | null;
  readonly onClose: () => void;
  readonly onUploaded: () => void;
}) {
  const { rest, http } = useServices();
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const fileId = useId();

  const submit = async () => {
    if (file === null) return setMessage({ text: t('upload.chooseFile'), tone: 'error' });
    setPercent(0);
    setMessage(null);
    try {
      const connection = await rest.dataFileConnection(props.spaceId);
      await uploadDataFile({
        file,
        name: file.name,
        connectionId: props.spaceId === null ? null : (connection?.id ?? null),
        csrfToken: await http.csrfToken(),
        onProgress: (fraction) => setPercent(Math.round(fraction * 100)),
      });
      setMessage({ text: t('upload.done', { name: file.name }), tone: 'info' });
      props.onUploaded();
    } catch (e) {
      setMessage({
        text: t('upload.failed', { name: file.name, message: errorText(e) }),
        tone: 'error',
      });
    } finally {
      setPercent(null);
    }
  };

  return (
    <Dialog
      title={t('upload.title')}
      onClose={props.onClose}
      onSubmit={submit}
      submitLabel={t('upload.submit')}
      submitDisabled={percent !== null}
    >
      <label htmlFor={fileId}>{t('upload.file')}</label>
      <input
        id={fileId}
        type="file"
        accept=".csv,.tsv,.txt,.qvd,.xlsx,.parquet,.json"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      {percent !== null && file !== null && (
        <div className="upload-progress">
          <progress
            max={100}
            value={percent}
            aria-label={t('upload.progress', { name: file.name, percent })}
          />
          <span role="status">{t('upload.progress', { name: file.name, percent })}</span>
        </div>
      )}
      {message !== null && <Status tone={message.tone} message={message.text} />}
    </Dialog>
  );
}
