import { applyPresetPolicies } from '../../policies/apply-preset-policies';
import type { PolicyValues } from '../../policies/policy-catalogue';
import { systemContext } from '../../context';
import type { Deps } from '../../deps';
import { basePreset } from '../base-preset';
import type { DemoDataset } from '../demo/demo-dataset';
import { loadDemoData } from '../demo/load-demo-data';
import type { SeedPreset, SeedReport } from '../seed-preset';

export type IndustryPresetSpec = {
  readonly name: string;
  readonly description: { readonly 'zh-CN': string; readonly en: string };
  /** The policies the industry differs in; every other key gets its built-in default. */
  readonly policies: PolicyValues;
  readonly demo: DemoDataset;
};

/** An industry preset as the seed and the console know it: its policies are readable to list and apply them. */
export type IndustryPreset = SeedPreset & { readonly policies: PolicyValues };

/**
 * An industry preset (DOMAIN §18): the base organisation (with `demo`, the department tree and one user per
 * role), the industry's complete policy set (audited; unchanged keys are not rewritten), and with `demo` its
 * customers, products, batches, shipments and complaints in every state. Safe to run again.
 */
export const defineIndustryPreset = (spec: IndustryPresetSpec): IndustryPreset => ({
  name: spec.name,
  description: spec.description,
  policies: spec.policies,
  async apply(deps: Deps, options: { demo: boolean }): Promise<SeedReport> {
    const base = await basePreset.apply(deps, options);
    const policies = await applyPresetPolicies(
      deps,
      systemContext(`seed:${spec.name}`),
      spec.name,
      spec.policies,
    );
    const lines = [
      ...base.lines,
      `policies (${spec.name}): ${policies.changed.length} written${policies.changed.length > 0 ? ` (${policies.changed.join(', ')})` : ''}, ${policies.unchanged.length} unchanged`,
    ];
    if (options.demo) lines.push(...(await loadDemoData(deps, spec.name, spec.demo, base.demoPassword)));
    return { lines };
  },
});
