import { z } from 'zod';
import { COMPLAINT_STATUSES } from '../domain/complaint/complaint-status';
import { DEMANDS, INJURY_LEVELS } from '../domain/complaint/complaint-vocabulary';
import { ZEmail, ZIsoDateTime, ZLocale, ZPhone, zText } from './common.contract';
import { ZCustomFields, ZLocalDate } from './complaint.contract';

/** The customer identifies a complaint by the tracking token, or by the number and the last 4 digits of the phone. */
const keyFields = {
  token: z.string().min(16).max(100).optional(),
  number: z
    .string()
    .regex(/^[Kk][Ss]-\d{4}-\d{6,}$/)
    .optional(),
  phoneLast4: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
};
const hasKey = (k: {
  token?: string | undefined;
  number?: string | undefined;
  phoneLast4?: string | undefined;
}) => k.token !== undefined || (k.number !== undefined && k.phoneLast4 !== undefined);
const keyMessage = { message: 'give token, or number and phoneLast4' };

export const ZPortalKeyQuery = z.strictObject(keyFields).refine(hasKey, keyMessage);

export const ZPortalSubmitBody = z
  .strictObject({
    customer: z.strictObject({
      name: zText(100),
      phone: ZPhone,
      email: ZEmail.nullable().optional(),
      locale: ZLocale.optional(),
    }),
    product: z
      .strictObject({
        name: zText(200).nullable().optional(),
        code: zText(64).nullable().optional(),
        batchNo: zText(64).nullable().optional().describe('Pre-filled from a QR code on the package'),
        purchaseDate: ZLocalDate.nullable().optional(),
        purchasePlace: zText(200).nullable().optional(),
      })
      .default({}),
    problem: z.strictObject({ description: zText(5000), occurredAt: ZIsoDateTime.nullable().optional() }),
    demands: z.array(z.enum(DEMANDS)).max(DEMANDS.length).default([]),
    injury: z.enum(INJURY_LEVELS).describe('Was anyone hurt? (asked for every complaint, R-AE-1)'),
    customFields: ZCustomFields.optional().describe(
      'Fields of the active preset the customer knows, e.g. the VIN',
    ),
  })
  .meta({ id: 'PortalSubmitRequest' });

export const ZPortalReceipt = z
  .object({
    number: z.string(),
    trackingToken: z.string().describe('Keep it: it opens your complaint in the portal'),
    trackingUrl: z.string(),
  })
  .meta({ id: 'PortalReceipt' });

export const ZPortalAnswerBody = z
  .strictObject({
    ...keyFields,
    decision: z.enum(['accept', 'reject']),
    optionIndex: z
      .number()
      .int()
      .min(0)
      .max(9)
      .optional()
      .describe('Which proposed option you choose (default: the whole proposal)'),
    reason: zText(1000).optional(),
  })
  .refine(hasKey, keyMessage)
  .refine((b) => b.decision === 'accept' || b.reason !== undefined, {
    message: 'a rejection needs a reason',
    path: ['reason'],
  })
  .meta({ id: 'PortalAnswerRequest' });

export const ZPortalRatingBody = z
  .strictObject({
    ...keyFields,
    satisfied: z.boolean(),
    csat: z.number().int().min(1).max(5),
    comment: zText(1000).optional(),
  })
  .refine(hasKey, keyMessage)
  .meta({ id: 'PortalRatingRequest' });

export const ZPortalView = z
  .object({
    number: z.string(),
    status: z.enum(COMPLAINT_STATUSES),
    receivedAt: ZIsoDateTime,
    productName: z.string().nullable(),
    milestones: z.array(z.object({ event: z.string(), at: ZIsoDateTime })),
    handler: z.string().nullable().describe('The handler’s family name, masked (王**)'),
    proposal: z
      .object({
        options: z.array(z.object({ description: z.string(), amountFen: z.number().int() })),
        note: z.string().nullable(),
      })
      .nullable(),
    agreement: z.object({ executionDueAt: ZIsoDateTime, terms: z.string() }).nullable(),
    resolution: z.string().nullable(),
    closure: z
      .object({
        kind: z.string(),
        reason: z.string().nullable(),
        reopenedAs: z.string().nullable().describe('The new form that carries on (R-FUP-3)'),
      })
      .nullable(),
    canAnswer: z.boolean(),
    canRate: z.boolean(),
  })
  .meta({ id: 'PortalComplaint' });
