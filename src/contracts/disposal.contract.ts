import { z } from 'zod';
import { DISPOSAL_STATUSES } from '../domain/capa/decide-disposal';
import { ZCapaSourceType, ZRuleHit } from './capa.contract';
import { ZId, ZIsoDateTime, zPage, zText } from './common.contract';

export const ZPublishDisposalBody = z
  .strictObject({
    sourceType: ZCapaSourceType,
    sourceId: ZId.nullable().optional(),
    nonconformity: zText(4000).describe('不合格情况: what is nonconforming'),
    decision: zText(4000).describe('The disposal decision: cause, responsibility, disposal and measures'),
  })
  .meta({ id: 'PublishDisposalBody' });

export const ZObjectDisposalBody = z
  .strictObject({ reason: zText(2000).describe('Why the decision is wrong (required)') })
  .meta({ id: 'ObjectDisposalBody' });

export const ZRedecideDisposalBody = z
  .strictObject({
    findings: zText(4000).describe('What the re-investigation found'),
    decision: zText(4000).describe(
      'The new decision, published for a new window once the chief engineer approves it',
    ),
  })
  .meta({ id: 'RedecideDisposalBody' });

export const ZApproveDisposalBody = z
  .strictObject({ note: zText(1000).optional().describe("The chief engineer's note on his approval") })
  .meta({ id: 'ApproveDisposalBody' });

export const ZReturnDisposalBody = z
  .strictObject({ reason: zText(2000).describe('What the quality department must change (required)') })
  .meta({ id: 'ReturnDisposalBody' });

export const ZResubmitDisposalBody = z
  .strictObject({ decision: zText(4000).describe('The edited decision, submitted for approval again') })
  .meta({ id: 'ResubmitDisposalBody' });

export const ZRuleDisposalBody = z
  .strictObject({
    decision: zText(4000).describe('The final decision'),
    reasoning: zText(4000),
  })
  .meta({ id: 'RuleDisposalBody' });

export const ZDisposal = z
  .object({
    id: ZId,
    number: z.string().describe('CZ-YYYY-NNNN'),
    sourceType: ZCapaSourceType,
    sourceId: ZId.nullable(),
    nonconformity: z.string().nullable(),
    decision: z.string().describe('The decision in force'),
    status: z.enum(DISPOSAL_STATUSES),
    round: z.number().int().describe('1, or 2 after a re-investigation'),
    publishedAt: ZIsoDateTime.nullable().describe(
      "When the chief engineer approved this round's decision; null while it awaits approval",
    ),
    objectionUntil: ZIsoDateTime.nullable().describe(
      'Objections are taken before this instant (R-ESC-3); null until the round is approved and published',
    ),
    approvals: z
      .array(
        z.object({
          round: z.number().int(),
          decision: z.string().describe('The decision approved and published'),
          note: z.string().nullable(),
          by: ZId.nullable(),
          byName: z.string().nullable(),
          at: ZIsoDateTime,
        }),
      )
      .describe("The chief engineer's approvals, one per published round"),
    returns: z
      .array(
        z.object({
          round: z.number().int(),
          reason: z.string(),
          decisionReturned: z.string(),
          by: ZId.nullable(),
          byName: z.string().nullable(),
          at: ZIsoDateTime,
        }),
      )
      .describe('Decisions the chief engineer returned to the quality department'),
    objections: z.array(
      z.object({
        round: z.number().int(),
        reason: z.string(),
        by: ZId.nullable(),
        byName: z.string().nullable(),
        at: ZIsoDateTime,
        decisionObjected: z.string(),
        reinvestigation: z
          .object({ findings: z.string(), newDecision: z.string(), by: ZId.nullable(), at: ZIsoDateTime })
          .nullable(),
      }),
    ),
    ruling: z
      .object({
        decision: z.string(),
        reasoning: z.string(),
        by: ZId.nullable(),
        byName: z.string().nullable(),
        at: ZIsoDateTime,
      })
      .nullable(),
    createdBy: ZId.nullable(),
    createdAt: ZIsoDateTime,
    version: z.number().int(),
    rules: z.array(ZRuleHit),
  })
  .meta({ id: 'Disposal' });

export const ZDisposals = zPage(ZDisposal).meta({ id: 'Disposals' });

export const ZDisposalListQuery = z.strictObject({
  status: z.enum(DISPOSAL_STATUSES).optional(),
  sourceType: ZCapaSourceType.optional(),
  sourceId: ZId.optional(),
  sort: z.enum(['createdAt', '-createdAt', 'objectionUntil', '-objectionUntil']).default('-createdAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});
