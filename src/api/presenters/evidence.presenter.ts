import type { z } from 'zod';
import type { EvidenceItem } from '../../app/evidence/evidence-records';
import type { EvidenceUploadResult, UploadedEvidence } from '../../app/evidence/store-evidence';
import { KIND_OF_MIME } from '../../domain/evidence/detect-file-type';
import type {
  ZEvidenceUploadView,
  ZEvidenceView,
  ZPortalEvidenceReceipt,
} from '../../contracts/evidence.contract';

const base = (e: EvidenceItem) => `/api/v1/complaints/${e.complaintId}/evidence/${e.id}`;

/** An evidence file as staff see it, with the URLs of its bytes and thumbnail. */
export const presentEvidence = (e: EvidenceItem): z.infer<typeof ZEvidenceView> => ({
  id: e.id,
  complaintId: e.complaintId,
  sha256: e.sha256,
  originalName: e.originalName,
  mime: e.mime,
  kind: KIND_OF_MIME[e.mime],
  size: e.size,
  width: e.width,
  height: e.height,
  caption: e.caption,
  uploadedBy: e.uploadedBy,
  uploadedAt: e.uploadedAt.toISOString(),
  hasThumbnail: e.thumbnailSha256 !== null,
  contentUrl: `${base(e)}/content`,
  thumbnailUrl: e.thumbnailSha256 ? `${base(e)}/thumbnail` : null,
});

export const presentEvidenceUpload = (r: EvidenceUploadResult): z.infer<typeof ZEvidenceUploadView> => ({
  items: r.items.map((e: UploadedEvidence) => ({
    ...presentEvidence(e),
    deduplicated: e.deduplicated,
    alreadyAttached: e.alreadyAttached,
  })),
});

/** What the customer is told about their upload: no staff ids, no internal URLs. */
export const presentPortalEvidenceReceipt = (
  r: EvidenceUploadResult,
): z.infer<typeof ZPortalEvidenceReceipt> => ({
  number: r.complaint.number,
  items: r.items.map((e) => ({
    originalName: e.originalName,
    mime: e.mime,
    kind: KIND_OF_MIME[e.mime],
    size: e.size,
    sha256: e.sha256,
    width: e.width,
    height: e.height,
    hasThumbnail: e.thumbnailSha256 !== null,
    deduplicated: e.deduplicated,
    alreadyAttached: e.alreadyAttached,
  })),
});

// RFC 8187 value: percent-encoded UTF-8; encodeURIComponent leaves ' ( ) * ! which the grammar does not allow.
const encodeRfc8187 = (s: string): string =>
  encodeURIComponent(s).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition` for a download (RFC 6266): `inline` for images (shown in the browser), `attachment` for
 * videos and PDFs (saved, never rendered in our origin); the name as `filename*=UTF-8''…` with an ASCII fallback.
 */
export const contentDisposition = (name: string, inline: boolean): string => {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(name)}`;
};

/**
 * The single byte range a `Range` header asks for (video players seek with it): undefined to send the whole file
 * (no header, a malformed one, or several ranges — all allowed by RFC 9110 §14.2), `unsatisfiable` when it starts
 * past the end.
 */
export const parseByteRange = (
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined => {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
};

/** Whether an `If-None-Match` header names this entity tag (or `*`). */
export const matchesEtag = (header: string | undefined, etag: string): boolean =>
  header !== undefined &&
  header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
