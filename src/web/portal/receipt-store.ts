import type { PortalReceipt } from '../app/api-types';
import type { PhotoUploadResult } from './upload-photos';

export type StoredReceipt = { readonly receipt: PortalReceipt; readonly photos: PhotoUploadResult | null };

const KEY = 'closeloop.portal.receipt';

// Kept for this tab only, so a reload of the receipt page still shows the number and the link.
export const storeReceipt = (r: StoredReceipt): void => {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(r));
  } catch {
    // private mode: the receipt lives in the navigation state only
  }
};

export const loadReceipt = (): StoredReceipt | undefined => {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StoredReceipt) : undefined;
  } catch {
    return undefined;
  }
};
