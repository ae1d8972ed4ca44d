import { err, ok, type Result } from '../shared/result';
import type { RuleHit } from '../shared/rule-hit';
import { addLocalDays } from '../sla/convert-local-time';
import type { CapaAction, CapaBatchChecked, CapaEvidence, CapaRecurrence } from './capa-action';
import type { CapaPolicy } from './capa-policy';
import type { CapaRefusal } from './decide-capa-step';

/** What the field and production data say now (gathered by the caller for the action's product and mechanism). */
export type EffectivenessFacts = {
  /** Today in the company's time zone. */
  readonly today: string;
  /** Batches of the product produced from `effectiveFrom` up to today. */
  readonly batchesChecked: readonly CapaBatchChecked[];
  /** Counted (valid) complaints of the product on those batches, any failure mechanism. */
  readonly complaintsCounted: number;
  /** Counted complaints of the same product and failure mechanism on batches produced on or after `effectiveFrom`. */
  readonly recurrences: readonly CapaRecurrence[];
  /** The verifier's own evidence, for actions the data cannot judge. */
  readonly note: string | null;
};

export type EffectivenessDecision = {
  readonly outcome: 'verified' | 'reopened' | 'review' | 'pending';
  /** The first day on which, without a recurrence, the action counts as effective. */
  readonly windowEndsOn: string;
  readonly reopenCount: number;
  readonly rules: readonly RuleHit[];
  readonly evidence: CapaEvidence;
};

/**
 * R-CAPA-3 effectiveness verification (seed 004 §3.4: "根据其后的产品生产过程及售后使用过程是否仍然出现相同或类似的质量问题来
 * 验证措施的有效性"). Only a `done` corrective or preventive action is judged, on batches PRODUCED on or after its
 * `effectiveFrom` — a complaint about a batch made before the action is no evidence against it:
 * - a recurrence of the same (product, failure mechanism) on such a batch → `reopened` (reopen count + 1), or, once the
 *   action has been reopened `reviewAfterReopens` times, → `review`: it goes to the quality review meeting
 *   (质量改进评审会) — at any time, the window need not have passed;
 * - no recurrence and the watch window (`effectiveFrom` + `verifyAfterDays` calendar days) has passed → `verified`,
 *   with the batches checked and the complaints counted as evidence;
 * - otherwise `pending`: nothing changes yet.
 * Where the data cannot judge — no product or mechanism on the action, or no batch produced in the window — a
 * person verifies: `CAPA_VERIFICATION_NOTE_REQUIRED` until the verifier writes the evidence.
 */
export const decideEffectiveness = (
  a: Pick<
    CapaAction,
    'status' | 'kind' | 'effectiveFrom' | 'verifyAfterDays' | 'reopenCount' | 'productId' | 'mechanism'
  >,
  facts: EffectivenessFacts,
  policy: Pick<CapaPolicy, 'reviewAfterReopens'>,
): Result<EffectivenessDecision, CapaRefusal> => {
  if (a.status !== 'done' || a.kind === 'containment' || a.effectiveFrom === null)
    return err({
      code: 'CAPA_ILLEGAL_TRANSITION',
      details: { status: a.status, kind: a.kind, step: 'verify' },
    });
  const windowEndsOn = addLocalDays(a.effectiveFrom, a.verifyAfterDays);
  const windowPassed = facts.today >= windowEndsOn;
  const recurrences = facts.recurrences.filter((r) => r.productionDate >= (a.effectiveFrom as string));
  const evidence: CapaEvidence = {
    producedFrom: a.effectiveFrom,
    producedUntil: facts.today,
    batchesChecked: facts.batchesChecked,
    unitsProduced: facts.batchesChecked.reduce((n, b) => n + (b.quantity ?? 0), 0),
    complaintsCounted: facts.complaintsCounted,
    recurrences,
    note: facts.note,
  };
  const decided = (
    outcome: EffectivenessDecision['outcome'],
    reopenCount: number,
    rules: RuleHit[],
  ): Result<EffectivenessDecision, CapaRefusal> =>
    ok({ outcome, windowEndsOn, reopenCount, rules, evidence });

  const judgedByData = a.productId !== null && a.mechanism !== null;
  if (judgedByData && recurrences.length > 0) {
    const first = recurrences[0] as CapaRecurrence;
    const where = `${recurrences.length} on batches produced from ${a.effectiveFrom}, first ${first.batchNo} (${first.productionDate})`;
    return a.reopenCount >= policy.reviewAfterReopens
      ? decided('review', a.reopenCount, [
          { rule: 'R-CAPA-3', detail: `recurrence: ${where}` },
          { rule: 'R-CAPA-3', detail: `reopened ${a.reopenCount}x already: quality review meeting` },
        ])
      : decided('reopened', a.reopenCount + 1, [
          { rule: 'R-CAPA-3', detail: `recurrence: ${where}` },
          { rule: 'R-CAPA-3', detail: `reopened (${a.reopenCount + 1})` },
        ]);
  }
  if (!windowPassed)
    return decided('pending', a.reopenCount, [
      { rule: 'R-CAPA-3', detail: `watching until ${windowEndsOn}` },
    ]);
  if (!judgedByData || facts.batchesChecked.length === 0) {
    if (facts.note === null)
      return err({
        code: 'CAPA_VERIFICATION_NOTE_REQUIRED',
        details: { reason: judgedByData ? 'no_production_in_window' : 'no_product_or_mechanism' },
      });
    return decided('verified', a.reopenCount, [
      { rule: 'R-CAPA-3', detail: `verified by the verifier's evidence after ${windowEndsOn}` },
    ]);
  }
  return decided('verified', a.reopenCount, [
    {
      rule: 'R-CAPA-3',
      detail: `no recurrence on ${facts.batchesChecked.length} batches produced ${a.effectiveFrom}..${facts.today}; ${facts.complaintsCounted} complaints counted`,
    },
  ]);
};
