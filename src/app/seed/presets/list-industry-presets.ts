import { policyRepo } from '../../../db/repos/policy.repo';
import type { UseCaseContext } from '../../context';
import type { Deps } from '../../deps';
import { assertPermission } from '../../identity/assert-permission';
import {
  POLICY_LABELS,
  POLICY_NAMES,
  policyDefaultOf,
  type PolicyName,
} from '../../policies/policy-catalogue';
import { sameValue, toPolicyRecord } from '../../policies/policy-record';
import { INDUSTRY_PRESETS } from './industry-preset-catalogue';

type Label = { readonly 'zh-CN': string; readonly en: string };

export type IndustryPresetSummary = {
  readonly name: string;
  readonly label: Label;
  readonly description: Label;
  /** The policy key `preset` names this one. */
  readonly inForce: boolean;
  /** The policies the preset gives its own value; every other key goes back to its built-in default. */
  readonly sets: readonly { readonly key: PolicyName; readonly label: Label }[];
  /** The policies whose value in force would change if the preset were applied now. */
  readonly changes: readonly PolicyName[];
};

export type IndustryPresetOverview = {
  readonly inForce: string;
  readonly items: readonly IndustryPresetSummary[];
};

/**
 * The industry presets (DOMAIN §18) with the one in force (policy `preset`), what each sets, and what applying it
 * would change against the policies in force now — a hand-edited policy counts as a change back to the preset.
 */
export const listIndustryPresets = async (
  deps: Deps,
  ctx: UseCaseContext,
): Promise<IndustryPresetOverview> => {
  assertPermission(ctx.actor, 'policy.manage');
  const rows = new Map((await policyRepo.findAll(deps.db.reader())).map((r) => [r.key, r]));
  const inForceValue = (key: PolicyName) => toPolicyRecord(key, rows.get(key)).value;
  const inForce = String(inForceValue('preset'));
  return {
    inForce,
    items: INDUSTRY_PRESETS.map(({ preset, label }) => {
      const wanted = (key: PolicyName): unknown =>
        key === 'preset' ? preset.name : (preset.policies[key] ?? policyDefaultOf(key));
      return {
        name: preset.name,
        label,
        description: preset.description,
        inForce: preset.name === inForce,
        sets: POLICY_NAMES.filter((key) => preset.policies[key] !== undefined).map((key) => ({
          key,
          label: POLICY_LABELS[key],
        })),
        changes: POLICY_NAMES.filter((key) => !sameValue(inForceValue(key), wanted(key))),
      };
    }),
  };
};
