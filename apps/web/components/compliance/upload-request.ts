import type { ComplianceDocument } from '@/lib/compliance-types';
import { describeError, toApiError } from '@/lib/errors';
import type { UploadType } from '@/lib/uploads';

export interface UploadHandlers {
  onProgress: (loaded: number, total: number) => void;
  onDone: (document: ComplianceDocument) => void;
  onError: (message: string) => void;
}

/**
 * Sends the file to the web app's streamed upload route with XMLHttpRequest: unlike fetch, it reports
 * upload progress. Returns a function that cancels the upload.
 */
export function sendUpload(
  projectId: string,
  file: File,
  contentType: UploadType,
  handlers: UploadHandlers,
): () => void {
  const xhr = new XMLHttpRequest();
  const query = new URLSearchParams({ project_id: projectId, filename: file.name });
  xhr.open('POST', `/api/compliance/uploads?${query}`);
  xhr.setRequestHeader('content-type', contentType);
  xhr.setRequestHeader('accept', 'application/json');
  xhr.upload.onprogress = (e) => handlers.onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
  xhr.onload = async () => {
    if (xhr.status === 401) {
      window.location.href = '/signin?expired=1';
      return;
    }
    if (xhr.status >= 200 && xhr.status < 300) {
      try {
        handlers.onDone(JSON.parse(xhr.responseText) as ComplianceDocument);
      } catch {
        handlers.onError('The server’s answer could not be read. Reload the page to see the document.');
      }
      return;
    }
    const error = await toApiError(new Response(xhr.responseText, { status: xhr.status }));
    handlers.onError(describeError(error));
  };
  xhr.onerror = () => handlers.onError('The upload failed: the network connection was lost. Try again.');
  xhr.onabort = () => handlers.onError('Upload cancelled.');
  xhr.send(file);
  return () => xhr.abort();
}
