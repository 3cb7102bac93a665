import { errorFromBody } from './api-error.js';
import type { DataFile } from './types.js';

export interface UploadRequest {
  readonly file: Blob;
  readonly name: string;
  /** The space's DataFiles connection; omitted for the personal space. */
  readonly connectionId: string | null;
  readonly csrfToken: string;
  /** Fraction 0..1 of bytes sent, from XMLHttpRequest upload progress events. */
  readonly onProgress: (fraction: number) => void;
}

/** The `Json` part of a data-file upload (rest-api.md §2.10): the name decides the stored name. */
export function uploadDescriptor(name: string, connectionId: string | null): string {
  return JSON.stringify(connectionId === null ? { name } : { name, connectionId });
}

/**
 * Uploads one file to `POST /api/v1/data-files` as multipart/form-data. XMLHttpRequest rather
 * than fetch because only XHR reports upload progress in browsers today.
 */
export function uploadDataFile(request: UploadRequest): Promise<DataFile> {
  const form = new FormData();
  form.append(
    'Json',
    new Blob([uploadDescriptor(request.name, request.connectionId)], { type: 'application/json' }),
  );
  form.append('File', request.file, request.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/data-files');
    xhr.withCredentials = true;
    xhr.setRequestHeader('qlik-csrf-token', request.csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) request.onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new Error(`network error while uploading ${request.name}`));
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Keep the raw text; errorFromBody quotes it.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        request.onProgress(1);
        resolve(body as DataFile);
      } else {
        reject(errorFromBody(xhr.status, '/api/v1/data-files', body));
      }
    };
    xhr.send(form);
  });
}
