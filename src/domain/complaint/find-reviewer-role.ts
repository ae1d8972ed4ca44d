import type { ReviewChain } from './lifecycle-types';

/**
 * The role that must propose the plan at review `level` (R-ESC-2), clamped to the chain's last entry (the GM in
 * the default chain), which is also the role that gives the final ruling once the chain is exhausted.
 * An empty chain names no role (`undefined`): only the different-reviewer rule applies then.
 */
export const findReviewerRole = (chain: ReviewChain, level: number): string | undefined =>
  chain[Math.min(Math.max(level, 0), chain.length - 1)];

/**
 * True once the customer has rejected the plan of the chain's last level (R-ESC-2 "ends at the GM"): no further
 * re-review exists and only a final ruling can follow. An empty chain counts as one level, so the first
 * rejection already ends it.
 */
export const isReviewChainExhausted = (chain: ReviewChain, level: number): boolean =>
  level >= Math.max(chain.length, 1);
