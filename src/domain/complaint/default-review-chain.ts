import type { Role } from '../identity/roles';

/**
 * The default R-ESC-2 re-review chain (index = `reviewLevel`): the first plan (level 0) and the first re-review
 * (level 1, a *different* department manager), then the service manager (level 2), then the general manager
 * (level 3) — "the chain is configurable and ends at the GM". A rejection of the GM's plan exhausts the chain:
 * only a final ruling (`explain` by the GM) or a withdrawal can follow. Level 0 carries no role requirement
 * beyond `complaint.propose`; the entry documents who normally owns the first plan.
 */
export const DEFAULT_REVIEW_CHAIN = [
  'department_manager',
  'department_manager',
  'service_manager',
  'general_manager',
] as const satisfies readonly Role[];
