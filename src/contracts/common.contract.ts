import { z } from 'zod';
import { ERROR_CODES } from '../domain/error-code';

// C0 control characters other than tab, line feed and carriage return, and DEL. PostgreSQL cannot store NUL,
// and none of these belongs in business text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Text typed by people: trimmed, `min`–`max` characters, no control characters, no unpaired UTF-16 surrogates
 * (they cannot be stored as UTF-8 without silently changing the text). Emoji, RTL, CJK and GB18030-only
 * characters are all fine.
 */
export const zText = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !CONTROL.test(s), { message: 'contains control characters' })
    .refine((s) => s.isWellFormed(), { message: 'contains unpaired surrogates' });

export const ZId = z.uuid().describe('UUID');
export const ZIdParams = z.strictObject({ id: ZId });

export const ZIsoDateTime = z.iso.datetime({ offset: true }).describe('ISO-8601 time, UTC');

export const ZLocale = z.enum(['zh-CN', 'en']);

export const ZUsername = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, '3–64 letters, digits, . _ -; starts with a letter or digit');

export const ZPhone = z
  .string()
  .regex(/^\+?[0-9][0-9 -]{4,19}$/, 'phone number: digits, spaces, dashes, optional +');

export const ZEmail = z.email().max(254);

/** The body of every error response. */
export const ZErrorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES as [string, ...string[]]).describe('Stable machine-readable code'),
      message: z.string().describe('Human-readable, localised by Accept-Language (zh-CN default, en)'),
      details: z
        .record(z.string(), z.unknown())
        .describe('Structured context, e.g. validation issues with field paths'),
    }),
  })
  .meta({ id: 'Error' });

/** The error responses shared by every authenticated route, for the OpenAPI document. */
export const errorResponses = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  413: ZErrorBody,
  415: ZErrorBody,
  422: ZErrorBody,
  428: ZErrorBody,
  429: ZErrorBody,
} as const;

/** Cursor paging: `limit` (1–200, default 50) and the opaque `cursor` from the previous page's `nextCursor`. */
export const ZPageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

export const zPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` to get the next page; null on the last page'),
  });

/** Optimistic concurrency in bodies: the `version` the client last read (alternative to `If-Match`). */
export const ZVersion = z.number().int().min(1).max(2_147_483_647);

/** A reason recorded in the audit trail with the change. */
export const ZReason = zText(500).optional();
