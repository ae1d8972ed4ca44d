import type { EvidenceKind } from './detect-file-type';

/** Size limits of evidence uploads, from configuration (EVIDENCE_MAX_* variables). */
export type EvidenceLimits = {
  readonly maxImageBytes: number;
  readonly maxVideoBytes: number;
  readonly maxPdfBytes: number;
  readonly maxFilesPerRequest: number;
};

/** The largest file of this kind that may be stored. */
export const maxBytesFor = (kind: EvidenceKind, limits: EvidenceLimits): number => {
  switch (kind) {
    case 'image':
      return limits.maxImageBytes;
    case 'video':
      return limits.maxVideoBytes;
    case 'pdf':
      return limits.maxPdfBytes;
  }
};

/** The largest file of any kind: what may be read before the kind is known. */
export const maxBytesOfAnyKind = (limits: EvidenceLimits): number =>
  Math.max(limits.maxImageBytes, limits.maxVideoBytes, limits.maxPdfBytes);
