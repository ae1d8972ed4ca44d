import { z } from 'zod';
import { zText } from './common.contract';

const ZLabel = z.object({ 'zh-CN': z.string(), en: z.string() });

export const ZPresetNameParams = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/)
    .describe('food, appliance, medical, auto, furniture'),
});

export const ZPresetView = z
  .object({
    name: z.string(),
    label: ZLabel,
    description: ZLabel,
    inForce: z.boolean().describe('The policy `preset` names this one'),
    sets: z
      .array(z.object({ key: z.string(), label: ZLabel }))
      .describe('The policies the preset gives its own value; every other policy goes back to its default'),
    changes: z
      .array(z.string())
      .describe('Policy keys whose value in force would change if the preset were applied now'),
  })
  .meta({ id: 'Preset' });

export const ZPresetList = z
  .object({
    inForce: z.string().describe('The preset in force (policy `preset`)'),
    items: z.array(ZPresetView),
  })
  .meta({ id: 'PresetList' });

export const ZApplyPresetBody = z
  .strictObject({ reason: zText(500).describe('Why; recorded with every audit row') })
  .meta({ id: 'ApplyPresetRequest' });

export const ZApplyPresetResult = z
  .object({
    preset: z.string(),
    changed: z.array(z.string()).describe('Policy keys written (each with an audit row)'),
    unchanged: z.array(z.string()).describe('Policy keys that already had the preset’s value'),
  })
  .meta({ id: 'ApplyPresetResult' });
