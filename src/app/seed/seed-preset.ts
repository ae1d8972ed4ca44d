import type { Deps } from '../deps';

export type SeedReport = { readonly lines: readonly string[] };

/** A coherent set of reference data and policies for one industry (DOMAIN.md §18). */
export type SeedPreset = {
  readonly name: string;
  readonly description: { readonly 'zh-CN': string; readonly en: string };
  readonly apply: (deps: Deps, options: { demo: boolean }) => Promise<SeedReport>;
};
