/**
 * One business rule that fired while the domain decided something. Every decision returns the list,
 * so the UI, the audit trail and a regulator can see why (STYLE.md, "every decision explains itself").
 */
export type RuleHit = {
  /** The rule id from DOMAIN.md, e.g. `R-SEC-1`. */
  readonly rule: string;
  /** A short, machine-friendly note on how the rule applied. */
  readonly detail?: string;
};
