import type { RuleHit } from '../shared/rule-hit';
import { DEFAULT_INVESTIGATION_HOURS } from './batch-case-workflow';

export type RegionalCaseInput = {
  /** The region of this complaint's customer; null when unknown (it then cannot make a regional concentration). */
  readonly region: string | null;
  readonly receivedAt: Date;
  /**
   * When the counted complaints of the same (product, batch, mechanism) in that region came in, this one included;
   * at least those within `windowDays` either side of `receivedAt`.
   */
  readonly regionalReceivedAt: readonly Date[];
  /** The open batch case of the same (product, batch, mechanism), if one. */
  readonly openCaseId: string | null;
  readonly policy: { readonly regionalCaseCount: number; readonly regionalWindowDays: number };
};

export type RegionalCaseDecision = {
  /** `link` to the open case, `open` a new one (then link), or `none`. */
  readonly action: 'open' | 'link' | 'none';
  /** The most complaints in one window of `windowDays` that holds this complaint. */
  readonly concentration: number;
  readonly rules: readonly RuleHit[];
};

/** The most times within one span of `windowMs` (inclusive) that contains `at`. */
const densestWindow = (times: readonly number[], at: number, windowMs: number): number => {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (const start of sorted) {
    if (start < at - windowMs || start > at) continue;
    const n = sorted.filter((t) => t >= start && t <= start + windowMs).length;
    best = Math.max(best, n);
  }
  return best;
};

/**
 * R-BAT-4 regional concentration 区域集中: `regionalCaseCount` complaints of one (product, batch, mechanism) from
 * one region, received within `regionalWindowDays` of each other (any window that holds this complaint — they
 * need not be triaged in the order they came in), open a batch case 批量性问题 — one per (product, batch,
 * mechanism) while it is open, never one per complaint. While a case is open every further complaint of that batch
 * and mechanism is linked to it, whatever its region.
 */
export const decideRegionalCase = (input: RegionalCaseInput): RegionalCaseDecision => {
  const { policy } = input;
  const windowMs = policy.regionalWindowDays * 86_400_000;
  const at = input.receivedAt.getTime();
  const concentration =
    input.region === null
      ? 0
      : densestWindow(
          input.regionalReceivedAt.map((d) => d.getTime()),
          at,
          windowMs,
        );
  if (input.openCaseId !== null) {
    return {
      action: 'link',
      concentration,
      rules: [{ rule: 'R-BAT-4', detail: `linked to the open batch case ${input.openCaseId}` }],
    };
  }
  if (input.region !== null && concentration >= policy.regionalCaseCount) {
    return {
      action: 'open',
      concentration,
      rules: [
        {
          rule: 'R-BAT-4',
          detail: `${concentration} complaints in ${input.region} within ${policy.regionalWindowDays} days (≥ ${policy.regionalCaseCount}): batch case`,
        },
        { rule: 'R-SLA-11', detail: `investigation due ${DEFAULT_INVESTIGATION_HOURS} h after opening` },
      ],
    };
  }
  return { action: 'none', concentration, rules: [] };
};
