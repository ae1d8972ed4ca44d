import type { EvidenceMime } from './detect-file-type';

const EXTENSION: Readonly<Record<EvidenceMime, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/3gpp': '3gp',
  'video/3gpp2': '3g2',
  'application/pdf': 'pdf',
};

// Control characters, path separators and characters Windows refuses in file names.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]/g;
const MAX_CHARS = 200;

/**
 * The name an evidence file is kept and downloaded under: the uploader's name without any path, control or
 * reserved characters, at most 200 characters, and `evidence.<ext>` (extension from the detected type) when nothing
 * usable is left. The extension the uploader gave is kept as written, even when it contradicts the content — the
 * stored type is what counts, and the original name is part of the record (R-MAL-2).
 */
export const normaliseFileName = (name: string | undefined, mime: EvidenceMime): string => {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(UNSAFE, '_').trim().replace(/^\.+/, '');
  const chars = [...(cleaned.isWellFormed() ? cleaned : cleaned.toWellFormed())];
  const usable = chars.length > 0 && /[^_.\s]/.test(cleaned);
  return usable ? chars.slice(-MAX_CHARS).join('') : `evidence.${EXTENSION[mime]}`;
};
