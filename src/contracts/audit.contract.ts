import { z } from 'zod';
import { ZIsoDateTime, ZPageQuery, zPage } from './common.contract';

export const ZAuditEntryView = z
  .object({
    id: z.string().describe('Position in the trail (64-bit integer as a string)'),
    occurredAt: ZIsoDateTime,
    actor: z.object({
      type: z.enum(['user', 'token', 'customer', 'system']),
      id: z.string().nullable(),
      name: z.string().nullable(),
    }),
    entityType: z.string(),
    entityId: z.string(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string().nullable(),
    requestId: z.string().nullable(),
    hash: z.string().describe('SHA-256 over the row and the previous row hash of its chain'),
  })
  .meta({ id: 'AuditEntry' });

export const ZAuditQuery = ZPageQuery.extend({
  entityType: z.string().regex(/^[a-z_]{1,40}$/),
  entityId: z.string().min(1).max(100),
});

export const ZAuditPage = zPage(ZAuditEntryView).meta({ id: 'AuditPage' });

export const ZAuditVerificationView = z
  .object({
    ok: z.boolean(),
    rowsChecked: z.number().int(),
    chains: z.number().int(),
    breaks: z.array(
      z.object({
        id: z.string(),
        chain: z.number().int(),
        chainSeq: z.number().int(),
        problem: z.enum(['content_changed', 'link_broken', 'sequence_gap']),
      }),
    ),
    heads: z
      .array(z.object({ chain: z.number().int(), chainSeq: z.number().int(), hash: z.string() }))
      .describe(
        'The last row of every chain: record them outside the database to detect deleted newest rows later',
      ),
    anchorProblems: z
      .array(
        z.object({
          chain: z.number().int(),
          chainSeq: z.number().int(),
          hash: z.string(),
          problem: z.enum(['missing', 'different']),
        }),
      )
      .describe('Always empty here: anchors are checked by `closeloop audit verify --anchor`'),
  })
  .meta({ id: 'AuditVerification' });
