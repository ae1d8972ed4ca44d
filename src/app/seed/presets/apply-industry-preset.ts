import type { UseCaseContext } from '../../context';
import type { Deps } from '../../deps';
import { AppError } from '../../errors/app-error';
import { assertPermission } from '../../identity/assert-permission';
import { applyPresetPolicies, type PresetPoliciesResult } from '../../policies/apply-preset-policies';
import { findIndustryPreset, INDUSTRY_PRESETS } from './industry-preset-catalogue';

/**
 * Switches the company to another industry preset from the console: its complete policy set is checked and written
 * in one transaction, one audit row per changed policy carrying the administrator's reason; organisation and demo
 * data are not touched (that is `closeloop seed`). PRESET_NOT_FOUND lists the presets that exist.
 */
export const applyIndustryPreset = async (
  deps: Deps,
  ctx: UseCaseContext,
  name: string,
  reason: string,
): Promise<PresetPoliciesResult> => {
  assertPermission(ctx.actor, 'policy.manage');
  const entry = findIndustryPreset(name);
  if (!entry)
    throw new AppError('PRESET_NOT_FOUND', {
      preset: name,
      available: INDUSTRY_PRESETS.map((e) => e.preset.name),
    });
  return applyPresetPolicies(deps, ctx, entry.preset.name, entry.preset.policies, { reason });
};
