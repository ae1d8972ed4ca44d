import { recomputeOpenDeadlines } from '../complaints/recompute-open-deadlines';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';

/** What must follow a committed policy change, outside its transaction. */
export type PolicyChangeHooks = {
  /**
   * After the deadline policy changed: open deadlines are recomputed in bulk (ARCHITECTURE, issue 3 §4). Runs after
   * the commit, so the recomputation reads the new policy; `reason` goes to its audit row.
   */
  readonly onDeadlinePolicyChanged?:
    ((deps: Deps, ctx: UseCaseContext, reason: string) => Promise<unknown>) | undefined;
};

export const DEFAULT_POLICY_HOOKS: PolicyChangeHooks = {
  onDeadlinePolicyChanged: (deps, ctx, reason) => recomputeOpenDeadlines(deps, ctx, { reason }),
};

/**
 * Runs the hooks for the keys that changed. A failing hook is logged, not thrown: the policy change itself has
 * committed and is in force; the deadline sweep and the next recomputation work from it.
 */
export const runPolicyHooks = async (
  deps: Deps,
  ctx: UseCaseContext,
  changed: readonly string[],
  reason: string,
  hooks: PolicyChangeHooks,
): Promise<void> => {
  if (!changed.includes('deadline_policy') || !hooks.onDeadlinePolicyChanged) return;
  try {
    await hooks.onDeadlinePolicyChanged(deps, ctx, reason);
  } catch (e) {
    deps.log.error({ err: e, reason }, 'recomputing open deadlines after a deadline policy change failed');
  }
};
