import type { DataFile } from '../api/types.js';
import { t } from '../i18n/t.js';

export function DataFileList(props: { readonly files: readonly DataFile[] }) {
  if (props.files.length === 0) return <p className="empty">{t('hub.noDataFiles')}</p>;
  return (
    <ul className="file-list">
      {props.files.map((f) => (
        <li key={f.id}>
          <span className="file-name">{f.name}</span>
          {f.size !== undefined && <span className="card-meta">{formatBytes(f.size)}</span>}
        </li>
      ))}
    </ul>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
