import { z } from 'zod';
import { ZIsoDateTime, ZReason } from './common.contract';

export const ZPolicyKeyParams = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/)
    .describe(
      'preset, deadline_policy, classification_rules, review_chain, escalation_chain, duplicate_policy, custom_fields, kpi, batch_thresholds, compensation_policy, capa_policy, adverse_event_policy',
    ),
});

const ZLabel = z.object({ 'zh-CN': z.string(), en: z.string() });

export const ZPolicyView = z
  .object({
    key: z.string(),
    label: ZLabel,
    value: z.unknown().describe('The value in force: the stored one, or the built-in default'),
    version: z.number().int().min(0).describe('0 while the built-in default is in force (never stored)'),
    isDefault: z.boolean().describe('The value in force equals the built-in default'),
    updatedAt: ZIsoDateTime.nullable(),
    updatedBy: z.string().nullable().describe('User id, or system:<name> for presets'),
  })
  .meta({ id: 'Policy' });

export const ZPolicyList = z.object({ items: z.array(ZPolicyView) });

export const ZPutPolicyBody = z.strictObject({
  value: z.unknown().describe('The whole new value; its shape depends on the key (GET the policy to see it)'),
  version: z
    .number()
    .int()
    .min(0)
    .max(2_147_483_647)
    .optional()
    .describe('The version read (alternative to If-Match); 0 or absent for a policy still at its default'),
  reason: ZReason,
});
