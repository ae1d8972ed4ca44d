import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { contentDisposition } from './evidence.presenter';

/** The 200 answer of a printable form (R-RPT-3) in the OpenAPI document. */
export const ZPrintedFormResponse = {
  description: 'The form as HTML (text/html; charset=utf-8)',
  content: { 'text/html': { schema: z.string() } },
};

/** Sends a printable form: HTML shown in the browser (inline, with its file name for saving), never cached shared. */
export const sendPrintedForm = (
  reply: FastifyReply,
  form: { readonly fileName: string; readonly html: string },
): FastifyReply =>
  reply
    .type('text/html; charset=utf-8')
    .header('content-disposition', contentDisposition(form.fileName, true))
    .header('cache-control', 'private, no-cache')
    .send(form.html);
