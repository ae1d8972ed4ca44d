import type { FastifyMultipartOptions } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import type { FastifyRouteSchemaDef, FastifyValidationResult } from 'fastify/types/schema';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { Config } from '../../config/env';
import { AppError, isAppError } from '../../app/errors/app-error';
import type { EvidenceContent } from '../../app/evidence/get-evidence';
import { listEvidence, openEvidenceContent, openEvidenceThumbnail } from '../../app/evidence/get-evidence';
import type { EvidenceFieldName, EvidenceFormPart } from '../../app/evidence/store-evidence';
import { uploadEvidence } from '../../app/evidence/upload-evidence';
import { uploadPortalEvidence } from '../../app/evidence/upload-portal-evidence';
import { maxBytesOfAnyKind } from '../../domain/evidence/evidence-limits';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  EVIDENCE_FORM_FIELDS,
  PORTAL_EVIDENCE_FORM_FIELDS,
  ZBinary,
  ZEvidenceList,
  ZEvidenceParams,
  ZEvidenceUploadForm,
  ZEvidenceUploadView,
  ZPortalEvidenceReceipt,
  ZPortalEvidenceUploadForm,
} from '../../contracts/evidence.contract';
import {
  contentDisposition,
  matchesEtag,
  parseByteRange,
  presentEvidence,
  presentEvidenceUpload,
  presentPortalEvidenceReceipt,
} from '../presenters/evidence.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

/**
 * Options for @fastify/multipart (registered in build-app): parser limits just above the evidence limits, so the
 * use-case's own checks (per kind, per request) answer first with the evidence error codes.
 */
export const evidenceMultipartOptions = (config: Config): FastifyMultipartOptions => ({
  throwFileSizeLimit: true,
  // A part named `file` is a file even when the client sent no filename.
  isPartAFile: (fieldName, contentType, fileName) =>
    fieldName === 'file' || contentType === 'application/octet-stream' || fileName !== undefined,
  limits: {
    fileSize: maxBytesOfAnyKind(config.evidence) + 1,
    files: config.evidence.maxFilesPerRequest,
    fields: 10,
    fieldSize: 4096,
    parts: config.evidence.maxFilesPerRequest + 10,
    headerPairs: 100,
  },
});

type FieldSchemas = Partial<Record<EvidenceFieldName, z.ZodType<string>>>;

const invalidForm = (path: string[], message: string): AppError =>
  new AppError('VALIDATION_FAILED', { in: 'body', issues: [{ path, code: 'custom', message }] });

/** Multipart failures as the evidence error contract; a broken body (cut off, no boundary) is a 400. */
const uploadError = (e: unknown, config: Config): unknown => {
  if (isAppError(e)) return e;
  switch ((e as { code?: unknown } | undefined)?.code) {
    case 'FST_FILES_LIMIT':
      return new AppError('EVIDENCE_TOO_MANY_FILES', { max: config.evidence.maxFilesPerRequest });
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('EVIDENCE_TOO_LARGE', { maxBytes: maxBytesOfAnyKind(config.evidence) });
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', { expected: 'multipart/form-data' });
    default:
      return new AppError('VALIDATION_FAILED', {
        in: 'body',
        reason: `malformed multipart body: ${e instanceof Error ? e.message : String(e)}`,
      });
  }
};

async function* guarded(stream: Readable, config: Config): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (e) {
    throw uploadError(e, config);
  }
}

/** The request's multipart parts as the use-case reads them, each text field checked against the contract. */
async function* formParts(
  request: FastifyRequest,
  fields: FieldSchemas,
  config: Config,
): AsyncGenerator<EvidenceFormPart> {
  const seen = new Set<string>();
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw invalidForm([part.fieldname], 'files go in parts named "file"');
        }
        try {
          yield { kind: 'file', filename: part.filename || undefined, content: guarded(part.file, config) };
        } finally {
          // Abandoned before it was read (e.g. the portal key was wrong): stop the parser instead of leaving it paused.
          if (!part.file.readableEnded) part.file.destroy();
        }
        continue;
      }
      const name = part.fieldname;
      const schema = Object.hasOwn(fields, name) ? fields[name as EvidenceFieldName] : undefined;
      if (!schema) throw invalidForm([name], 'unknown form field');
      if (seen.has(name)) throw invalidForm([name], 'sent more than once');
      seen.add(name);
      if (part.valueTruncated) throw invalidForm([name], 'too long');
      const parsed = schema.safeParse(part.value);
      if (!parsed.success)
        throw new AppError('VALIDATION_FAILED', {
          in: 'body',
          issues: parsed.error.issues.map((i) => ({
            path: [name, ...i.path.map(String)],
            code: i.code,
            message: i.message,
          })),
        });
      yield { kind: 'field', name: name as EvidenceFieldName, value: parsed.data };
    }
  } catch (e) {
    throw uploadError(e, config);
  }
}

/** JSON (or anything else) sent to an upload route is refused before any work. */
const assertMultipart = (request: FastifyRequest): void => {
  if (!request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { expected: 'multipart/form-data' });
};

// The multipart body is parsed by the handler (streamed to disk), not by the schema: the schema only documents it.
const skipBodyValidation = <S>(route: FastifyRouteSchemaDef<S>): FastifyValidationResult =>
  route.httpPart === 'body'
    ? (data: unknown) => ({ value: data })
    : validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0]);

const closeUnreadUpload = async (request: FastifyRequest, reply: FastifyReply) => {
  // Refused before the whole body was read (too large, wrong type): end the connection instead of reading the rest.
  if (!request.raw.readableEnded) reply.header('connection', 'close');
};

// The API answers `no-store` by default; evidence bytes are immutable per URL, so a browser may keep them but must
// revalidate (ETag → 304), which re-checks access every time.
const privateCache: onSendHookHandler = async (_request, reply, payload) => {
  if ([200, 206, 304].includes(reply.statusCode)) reply.header('cache-control', 'private, no-cache');
  return payload;
};

const sendContent = (
  request: FastifyRequest,
  reply: FastifyReply,
  content: EvidenceContent,
  disposition: string,
) => {
  const etag = `"${content.sha256}"`;
  reply
    .header('etag', etag)
    .header('accept-ranges', 'bytes')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', disposition);
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
  const ifRange = request.headers['if-range'];
  const range =
    ifRange === undefined || ifRange === etag
      ? parseByteRange(request.headers.range, content.size)
      : undefined;
  if (range === 'unsatisfiable') {
    reply.header('content-range', `bytes */${content.size}`);
    throw new AppError('EVIDENCE_RANGE_NOT_SATISFIABLE', { size: content.size });
  }
  reply.type(content.mime);
  if (range) {
    reply
      .code(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${content.size}`)
      .header('content-length', String(range.end - range.start + 1));
    return reply.send(content.open(range));
  }
  reply.header('content-length', String(content.size));
  return reply.send(content.open());
};

const binaryResponses = (mimes: readonly string[], description: string) => ({
  200: { description, content: Object.fromEntries(mimes.map((m) => [m, { schema: ZBinary }])) },
  206: {
    description: 'The byte range asked for with `Range: bytes=…`',
    content: Object.fromEntries(mimes.map((m) => [m, { schema: ZBinary }])),
  },
});

/**
 * Evidence files (issue 3 §1): staff upload (multipart), list, download and thumbnail; customers upload from the
 * portal. Uploads are not wrapped by the Idempotency-Key hook (their bodies are streams, not JSON): a retry is safe
 * anyway, because the same content is attached to a complaint once.
 */
export const evidenceRoutes: RouteModule = (app, deps) => {
  const config = deps.config;
  const limits = config.evidence;
  const limitText =
    `Limits: images ${limits.maxImageBytes} bytes, videos ${limits.maxVideoBytes}, PDFs ${limits.maxPdfBytes}; ` +
    `at most ${limits.maxFilesPerRequest} files per request.`;

  app.post(
    '/api/v1/complaints/:id/evidence',
    {
      config: { permission: 'complaint.update', idempotent: false },
      validatorCompiler: skipBodyValidation,
      onError: closeUnreadUpload,
      schema: {
        tags: ['complaints'],
        summary: '上传证据 Upload evidence (photos, videos, PDFs)',
        description:
          '`multipart/form-data` with one or more `file` parts and an optional `caption`. The type is detected from ' +
          'the content (JPEG, PNG, GIF, WebP, HEIC/HEIF, MP4, MOV, 3GP, PDF); anything else → 415 ' +
          'EVIDENCE_TYPE_NOT_ALLOWED with `details.detected`; too big → 413 EVIDENCE_TOO_LARGE; no file → 400; ' +
          `not multipart → 415. ${limitText} Stored by SHA-256: the same bytes are kept once (\`deduplicated\`) ` +
          'and attached to a complaint once (`alreadyAttached`), so a retry is harmless; Idempotency-Key is ' +
          'ignored here. Images get a 320-px JPEG thumbnail (HEIC: none, `thumbnailUrl: null`). Nothing is kept ' +
          'when any file is refused.',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        body: ZEvidenceUploadForm,
        response: { 201: ZEvidenceUploadView, ...errorResponses },
      },
    },
    async (request, reply) => {
      assertMultipart(request);
      const result = await uploadEvidence(
        deps,
        ctxOf(request),
        request.params.id,
        formParts(request, EVIDENCE_FORM_FIELDS, config),
      );
      reply.code(201);
      return presentEvidenceUpload(result);
    },
  );

  app.get(
    '/api/v1/complaints/:id/evidence',
    {
      config: { permission: 'complaint.read' },
      schema: {
        tags: ['complaints'],
        summary: '证据列表 Evidence of a complaint',
        params: ZIdParams,
        response: { 200: ZEvidenceList, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listEvidence(deps, ctxOf(request), request.params.id)).map(presentEvidence),
    }),
  );

  app.get(
    '/api/v1/complaints/:id/evidence/:evidenceId/content',
    {
      config: { permission: 'complaint.read' },
      onSend: privateCache,
      schema: {
        tags: ['complaints'],
        summary: '下载证据 Download an evidence file',
        description:
          'The stored bytes with the type detected at upload. Images inline, videos and PDFs as attachment ' +
          "(`filename*=UTF-8''…`). `ETag` is the SHA-256 (If-None-Match → 304); `Range: bytes=…` → 206 " +
          '(video seeking). 404 outside the caller’s scope.',
        params: ZEvidenceParams,
        response: {
          ...binaryResponses(['image/jpeg', 'video/mp4', 'application/pdf'], 'The file, as uploaded'),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const content = await openEvidenceContent(
        deps,
        ctxOf(request),
        request.params.id,
        request.params.evidenceId,
      );
      const inline = content.item.mime.startsWith('image/');
      return sendContent(request, reply, content, contentDisposition(content.item.originalName, inline));
    },
  );

  app.get(
    '/api/v1/complaints/:id/evidence/:evidenceId/thumbnail',
    {
      config: { permission: 'complaint.read' },
      onSend: privateCache,
      schema: {
        tags: ['complaints'],
        summary: '证据缩略图 Evidence thumbnail',
        description:
          'A JPEG at most 320 px wide, turned upright by the photo’s EXIF orientation. 404 ' +
          'EVIDENCE_THUMBNAIL_NOT_AVAILABLE for videos, PDFs and images this server cannot decode (HEIC).',
        params: ZEvidenceParams,
        response: { ...binaryResponses(['image/jpeg'], 'The thumbnail'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const content = await openEvidenceThumbnail(
        deps,
        ctxOf(request),
        request.params.id,
        request.params.evidenceId,
      );
      return sendContent(request, reply, content, 'inline');
    },
  );

  app.post(
    '/api/v1/portal/complaints/evidence',
    {
      config: { auth: 'public', idempotent: false },
      validatorCompiler: skipBodyValidation,
      onError: closeUnreadUpload,
      schema: {
        tags: ['portal'],
        summary: '顾客上传照片/视频 Add photos or videos to my complaint (public)',
        description:
          '`multipart/form-data`: `token` (or `number` + `phoneLast4`) FIRST, then one or more `file` parts, and an ' +
          'optional `caption`. The key is checked like the portal look-up (same rate limits, the same 404 for a ' +
          'wrong token, number or phone) before any file is read. Only while the complaint is open (409 ' +
          `PORTAL_ACTION_NOT_AVAILABLE after it closed). Types and sizes as for staff uploads. ${limitText}`,
        consumes: ['multipart/form-data'],
        body: ZPortalEvidenceUploadForm,
        response: { 201: ZPortalEvidenceReceipt, ...errorResponses },
      },
    },
    async (request, reply) => {
      assertMultipart(request);
      const result = await uploadPortalEvidence(
        deps,
        formParts(request, PORTAL_EVIDENCE_FORM_FIELDS, config),
        request.ip,
      );
      reply.code(201);
      return presentPortalEvidenceReceipt(result);
    },
  );
};
