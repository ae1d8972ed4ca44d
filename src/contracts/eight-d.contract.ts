import { z } from 'zod';
import { EIGHT_D_SECTIONS, type EightDSection } from '../domain/capa/eight-d';
import { ZCapaSourceType, ZRuleHit } from './capa.contract';
import { ZId, ZIsoDateTime, zPage, zText } from './common.contract';
import { ZDate } from './reference.contract';

const t = (max = 2000) => zText(max).optional();

const ZAction = {
  action: t(1000),
  owner: t(100).describe('R-CAPA-1: the responsible person'),
  dueOn: ZDate.optional(),
  status: z.enum(['planned', 'done']).optional(),
  result: t(),
  capaActionId: ZId.optional().describe('The CAPA action that carries it out'),
};

/**
 * Section contents of an 8D report (R-CAPA-2). Drafts: every field may be left out while the team works; the report
 * view's `completeness` lists what a section still needs before the report can close.
 */
export const Z_EIGHT_D_SECTION_CONTENT = {
  D0: z.strictObject({ symptoms: t(), emergencyResponse: t() }).meta({ id: 'EightD_D0' }),
  D1: z
    .strictObject({
      leader: t(100),
      champion: t(100),
      members: z
        .array(z.strictObject({ name: t(100), department: t(100), role: t(100) }))
        .max(30)
        .optional(),
    })
    .meta({ id: 'EightD_D1' }),
  D2: z
    .strictObject({
      problemStatement: t(),
      fiveW2H: z
        .strictObject({
          what: t(),
          why: t(),
          when: t(),
          where: t(),
          who: t(),
          how: t(),
          howMany: t(),
        })
        .optional(),
      isIsNot: z
        .array(
          z.strictObject({
            dimension: z.enum(['what', 'where', 'when', 'how_many']).optional(),
            is: t(),
            isNot: t(),
          }),
        )
        .max(20)
        .optional(),
    })
    .meta({ id: 'EightD_D2' }),
  D3: z
    .strictObject({
      actions: z.array(z.strictObject(ZAction)).max(30).optional(),
      effectivenessCheck: t(),
    })
    .meta({ id: 'EightD_D3' }),
  D4: z
    .strictObject({
      methods: z
        .array(z.enum(['5why', 'fishbone', '5w1h', 'fmea', 'pareto', 'fault_tree', 'is_is_not', 'other']))
        .max(8)
        .optional(),
      occurrenceRootCause: t(),
      escapeRootCause: t(),
      escapePoint: t(500),
      verification: t(),
    })
    .meta({ id: 'EightD_D4' }),
  D5: z
    .strictObject({
      actions: z
        .array(z.strictObject({ ...ZAction, addresses: z.enum(['occurrence', 'escape']).optional() }))
        .max(30)
        .optional(),
    })
    .meta({ id: 'EightD_D5' }),
  D6: z
    .strictObject({
      implementations: z
        .array(z.strictObject({ action: t(1000), implementedOn: ZDate.optional(), result: t() }))
        .max(30)
        .optional(),
      validation: t(),
      effectiveFrom: ZDate.optional(),
    })
    .meta({ id: 'EightD_D6' }),
  D7: z
    .strictObject({
      measures: t(),
      documentsUpdated: z.array(zText(200)).max(30).optional(),
      horizontalDeployment: t(),
    })
    .meta({ id: 'EightD_D7' }),
  D8: z.strictObject({ closureSummary: t(), recognition: t() }).meta({ id: 'EightD_D8' }),
} as const satisfies Record<EightDSection, z.ZodType>;

export const ZEightDSectionParams = z.strictObject({ id: ZId, d: z.enum(EIGHT_D_SECTIONS) });

export const ZEightDSectionBody = z
  .strictObject({
    version: z.number().int().min(1).optional().describe('The version read; or If-Match'),
    content: z
      .record(z.string(), z.unknown())
      .describe('The section’s content: see EightD_D0 … EightD_D8 for each section’s fields'),
  })
  .meta({ id: 'EightDSectionBody' });

export const ZCreateEightDBody = z
  .strictObject({
    sourceType: ZCapaSourceType,
    sourceId: ZId.nullable().optional(),
    customerRequested: z.boolean().default(false).describe('The customer asked for an 8D (seed 004)'),
    title: zText(200),
  })
  .meta({ id: 'CreateEightDBody' });

export const ZEightDReport = z
  .object({
    id: ZId,
    number: z.string().describe('8D-YYYY-NNNN'),
    sourceType: ZCapaSourceType,
    sourceId: ZId.nullable(),
    customerRequested: z.boolean(),
    title: z.string().nullable(),
    sections: z.object(
      Object.fromEntries(EIGHT_D_SECTIONS.map((s) => [s, Z_EIGHT_D_SECTION_CONTENT[s].optional()])) as {
        [S in EightDSection]: z.ZodOptional<(typeof Z_EIGHT_D_SECTION_CONTENT)[S]>;
      },
    ),
    completeness: z
      .object(
        Object.fromEntries(EIGHT_D_SECTIONS.map((s) => [s, z.array(z.string())])) as Record<
          EightDSection,
          z.ZodArray<z.ZodString>
        >,
      )
      .describe('Missing fields per section; `(section)` when it was never filled in; empty = complete'),
    status: z.enum(['open', 'closed']),
    createdBy: ZId.nullable(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    closedAt: ZIsoDateTime.nullable(),
    version: z.number().int(),
    rules: z.array(ZRuleHit),
  })
  .meta({ id: 'EightDReport' });

export const ZEightDReports = zPage(ZEightDReport).meta({ id: 'EightDReports' });

export const ZEightDListQuery = z.strictObject({
  status: z.enum(['open', 'closed']).optional(),
  sourceType: ZCapaSourceType.optional(),
  sourceId: ZId.optional(),
  sort: z.enum(['createdAt', '-createdAt']).default('-createdAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});
