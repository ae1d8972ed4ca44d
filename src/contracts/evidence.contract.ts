import { z } from 'zod';
import { EVIDENCE_MIME_TYPES } from '../domain/evidence/detect-file-type';
import { ZId, ZIsoDateTime, zText } from './common.contract';
import { ZPortalKeyQuery } from './portal.contract';

export const ZEvidenceParams = z.strictObject({ id: ZId, evidenceId: ZId });

export const ZEvidenceCaption = zText(500).describe(
  'What the files show, e.g. 包装内发现的头发（正面、侧面）',
);

/** The text fields of the staff upload form, validated one by one as the parts arrive. */
export const EVIDENCE_FORM_FIELDS = { caption: ZEvidenceCaption } as const;

/** The text fields of the portal upload form: the complaint's key (as in the portal look-up) and a caption. */
export const PORTAL_EVIDENCE_FORM_FIELDS = {
  token: ZPortalKeyQuery.shape.token.unwrap(),
  number: ZPortalKeyQuery.shape.number.unwrap(),
  phoneLast4: ZPortalKeyQuery.shape.phoneLast4.unwrap(),
  caption: ZEvidenceCaption,
} as const;

const ZFileParts = z
  .array(
    z
      .file()
      .describe(
        'A photo (JPEG, PNG, GIF, WebP, HEIC/HEIF), a video (MP4, MOV, 3GP) or a PDF. The type is detected from the ' +
          'content; the name and the part’s Content-Type are ignored.',
      ),
  )
  .min(1)
  .describe('One or more parts named `file` (at most EVIDENCE_MAX_FILES_PER_REQUEST, 10 by default)');

/** The multipart form of a staff upload, for the OpenAPI document (parsed by the route, not by this schema). */
export const ZEvidenceUploadForm = z
  .object({ file: ZFileParts, caption: ZEvidenceCaption.optional() })
  .meta({ id: 'EvidenceUploadForm' });

/** The multipart form of a portal upload, for the OpenAPI document. */
export const ZPortalEvidenceUploadForm = z
  .object({
    token: PORTAL_EVIDENCE_FORM_FIELDS.token
      .optional()
      .describe('The tracking token — send before the files'),
    number: PORTAL_EVIDENCE_FORM_FIELDS.number.optional().describe('Or the number… (before the files)'),
    phoneLast4: PORTAL_EVIDENCE_FORM_FIELDS.phoneLast4
      .optional()
      .describe('…with the last 4 digits of the phone (before the files)'),
    caption: ZEvidenceCaption.optional(),
    file: ZFileParts,
  })
  .meta({ id: 'PortalEvidenceUploadForm' });

const ZSha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('SHA-256 of the stored bytes (hex): the proof they were not changed');

export const ZEvidenceView = z
  .object({
    id: ZId,
    complaintId: ZId,
    sha256: ZSha256,
    originalName: z.string().describe('The uploader’s file name (cleaned); not used to decide the type'),
    mime: z.enum(EVIDENCE_MIME_TYPES).describe('Detected from the content at upload'),
    kind: z.enum(['image', 'video', 'pdf']),
    size: z.number().int().describe('Bytes'),
    width: z.number().int().nullable().describe('Images: pixels as displayed (EXIF orientation applied)'),
    height: z.number().int().nullable(),
    caption: z.string().nullable(),
    uploadedBy: z.string().describe('The staff user’s id, or `customer` for portal uploads'),
    uploadedAt: ZIsoDateTime,
    hasThumbnail: z.boolean(),
    contentUrl: z.string(),
    thumbnailUrl: z
      .string()
      .nullable()
      .describe('A 320-px-wide JPEG; null for videos, PDFs and images this server cannot decode (HEIC)'),
  })
  .meta({ id: 'Evidence' });

const uploadFlags = {
  deduplicated: z.boolean().describe('These bytes were stored already: no second copy was written'),
  alreadyAttached: z
    .boolean()
    .describe(
      'This complaint had this content already: the existing evidence is returned, nothing new written',
    ),
};

export const ZEvidenceList = z.object({ items: z.array(ZEvidenceView) }).meta({ id: 'EvidenceList' });

export const ZEvidenceUploadView = z
  .object({ items: z.array(ZEvidenceView.extend(uploadFlags)) })
  .meta({ id: 'EvidenceUpload' });

export const ZPortalEvidenceReceipt = z
  .object({
    number: z.string(),
    items: z.array(
      z.object({
        originalName: z.string(),
        mime: z.enum(EVIDENCE_MIME_TYPES),
        kind: z.enum(['image', 'video', 'pdf']),
        size: z.number().int(),
        sha256: ZSha256,
        width: z.number().int().nullable(),
        height: z.number().int().nullable(),
        hasThumbnail: z.boolean(),
        ...uploadFlags,
      }),
    ),
  })
  .meta({ id: 'PortalEvidenceReceipt' });

/** The bytes of a file, for the OpenAPI document of the download routes. */
export const ZBinary = z.file().describe('The stored bytes');
