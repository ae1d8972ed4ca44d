import type { Deps } from '../deps';

export type SeedReport = {
  readonly lines: readonly string[];
  /** The demo users' password, when this run created them (the demo's e-signatures need it, R-APR-2). */
  readonly demoPassword?: string | undefined;
};

/** A coherent set of reference data and policies for one industry (DOMAIN.md §18). */
export type SeedPreset = {
  readonly name: string;
  readonly description: { readonly 'zh-CN': string; readonly en: string };
  readonly apply: (deps: Deps, options: { demo: boolean }) => Promise<SeedReport>;
};
