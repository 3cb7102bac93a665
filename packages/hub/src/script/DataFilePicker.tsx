import type { DataFile } from '../api/types.js';
import { useServices } from '../app/services.js';
import { useAsync } from '../app/use-async.js';
import { t } from '../i18n/t.js';
import { ErrorMessage, Loading } from '../ui/Status.js';

/** The data files of the app's space; choosing one inserts a LOAD statement for it. */
export function DataFilePicker(props: {
  readonly spaceId: string | null;
  readonly onPick: (file: DataFile) => void;
}) {
  const { rest } = useServices();
  const [files] = useAsync(async () => {
    const connection = await rest.dataFileConnection(props.spaceId);
    return connection === null ? [] : rest.dataFiles(connection.id);
  }, [props.spaceId]);

  return (
    <section className="file-picker" aria-labelledby="file-picker-heading">
      <h2 id="file-picker-heading">{t('script.dataFiles')}</h2>
      {files.status === 'loading' && <Loading />}
      {files.status === 'error' && <ErrorMessage error={files.error} />}
      {files.status === 'ready' && files.value.length === 0 && (
        <p className="empty">{t('script.noDataFiles')}</p>
      )}
      {files.status === 'ready' && (
        <ul>
          {files.value.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => props.onPick(f)}
                aria-label={t('script.insertLoad', { name: f.name })}
              >
                {f.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
