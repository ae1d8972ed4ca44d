import { api, ApiError } from '../app/api-client';
import type { PortalEvidenceReceipt } from '../app/api-types';
import { keyFields, type PortalKey } from './portal-key';

export type PhotoUploadResult = {
  readonly uploaded: number;
  readonly failed: number;
  readonly reason?: string;
};

/**
 * Uploads the customer's photos one request per file, so one refused photo (too large, not an image) does not
 * lose the others. The key fields go before the file: the server checks the key before reading any file.
 */
export const uploadPortalPhotos = async (
  key: PortalKey,
  files: readonly File[],
  onProgress?: (done: number) => void,
): Promise<PhotoUploadResult> => {
  let uploaded = 0;
  const reasons: string[] = [];
  for (const [i, file] of files.entries()) {
    const form = new FormData();
    for (const [k, v] of Object.entries(keyFields(key))) form.append(k, v);
    form.append('file', file, file.name || `photo-${i + 1}.jpg`);
    try {
      await api.post<PortalEvidenceReceipt>('/api/v1/portal/complaints/evidence', form);
      uploaded += 1;
    } catch (e) {
      reasons.push(e instanceof ApiError ? e.message : String(e));
    }
    onProgress?.(i + 1);
  }
  return reasons.length > 0
    ? { uploaded, failed: reasons.length, reason: reasons[0] }
    : { uploaded, failed: 0 };
};
