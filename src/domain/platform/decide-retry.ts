export type RetryPolicy = {
  readonly maxAttempts: number;
  /** Delay after the first failure. */
  readonly baseSeconds: number;
  /** The delay never grows beyond this. */
  readonly capSeconds: number;
};

export type RetryDecision = { readonly kind: 'retry'; readonly at: Date } | { readonly kind: 'dead' };

/**
 * Decides what happens after a failed job or delivery: exponential backoff (base · 2^(n−1), capped) with up to
 * 20 % jitter so that a burst of failures does not retry in lock-step; dead-letter after `maxAttempts`.
 * `jitter` is a number in [0, 1) supplied by the caller (the domain has no randomness of its own).
 */
export const decideRetry = (
  attempts: number,
  now: Date,
  policy: RetryPolicy,
  jitter: number,
): RetryDecision => {
  if (attempts >= policy.maxAttempts) return { kind: 'dead' };
  const exponent = Math.max(0, attempts - 1);
  const delay = Math.min(policy.capSeconds, policy.baseSeconds * 2 ** Math.min(exponent, 30));
  const withJitter = delay * (1 + 0.2 * Math.min(Math.max(jitter, 0), 0.999));
  return { kind: 'retry', at: new Date(now.getTime() + Math.round(withJitter * 1000)) };
};
