import { err, ok, type Result } from '../shared/result';
import type { RuleHit } from '../shared/rule-hit';
import type { BatchCaseRefusal } from './batch-case-workflow';

/**
 * Recall classes of 医疗器械召回管理办法 (CFDA order 29, 2017; LAW.md §1.7): class I — use may or does cause serious
 * harm to health; class II — may cause temporary or medically reversible harm; class III — harm unlikely, recall
 * still needed. Distributors and users are told within 1 / 3 / 7 days of the recall decision. Products that are not
 * medical devices keep the same three levels as a severity scale with the same notice times (a company default,
 * not law: 消费品召回管理暂行规定 sets no classes).
 */
export const RECALL_CLASSES = ['I', 'II', 'III'] as const;
export type RecallClass = (typeof RECALL_CLASSES)[number];

export const RECALL_CLASS_RULES: Readonly<
  Record<
    RecallClass,
    {
      readonly notifyWithinDays: number;
      readonly label: { readonly 'zh-CN': string; readonly en: string };
      readonly harm: { readonly 'zh-CN': string; readonly en: string };
    }
  >
> = {
  I: {
    notifyWithinDays: 1,
    label: { 'zh-CN': '一级召回', en: 'Class I recall' },
    harm: { 'zh-CN': '使用可能或已经引起严重健康危害', en: 'Use may or does cause serious harm to health' },
  },
  II: {
    notifyWithinDays: 3,
    label: { 'zh-CN': '二级召回', en: 'Class II recall' },
    harm: {
      'zh-CN': '使用可能或已经引起暂时的或可逆的健康危害',
      en: 'Use may or does cause temporary or medically reversible harm',
    },
  },
  III: {
    notifyWithinDays: 7,
    label: { 'zh-CN': '三级召回', en: 'Class III recall' },
    harm: {
      'zh-CN': '引起危害的可能性较小但仍需要召回',
      en: 'Harm is unlikely but a recall is still needed',
    },
  },
};

/** How recovered units were disposed of (completion report). */
export const RECALL_DISPOSALS = [
  'destroyed',
  'reworked',
  'repackaged',
  'returned_to_supplier',
  'other',
] as const;
export type RecallDisposal = (typeof RECALL_DISPOSALS)[number];

/** The recall's effect as the completion report rates it (召回效果评价). */
export const RECALL_EFFECTIVENESS = ['effective', 'partially_effective', 'ineffective'] as const;
export type RecallEffectiveness = (typeof RECALL_EFFECTIVENESS)[number];

/** One shipment of a batch of the recalled product: where the units went. */
export type ShipmentLine = {
  readonly customerId: string | null;
  readonly region: string;
  readonly batchNo: string;
  readonly quantity: number;
};

/** What a recall covers: batches of one product, in these regions (null: every region the batches went to). */
export type RecallScope = {
  readonly batches: readonly string[];
  readonly regions: readonly string[] | null;
};

/** Whom the recall must reach: one customer (or the region's unnamed trade when a shipment had no customer). */
export type PlannedTarget = {
  readonly customerId: string | null;
  readonly region: string;
  readonly batchNo: string;
  readonly quantity: number;
};

export type RecallPlan = {
  readonly targets: readonly PlannedTarget[];
  readonly unitsInScope: number;
  /** The scope as recorded: the batches, and the regions actually reached. */
  readonly scope: { readonly batches: readonly string[]; readonly regions: readonly string[] };
  readonly rules: readonly RuleHit[];
};

export type TargetState = {
  readonly id: string;
  readonly quantity: number;
  readonly notifiedAt: Date | null;
  readonly recoveredQuantity: number;
};

export type RecallProgress = {
  readonly unitsInScope: number;
  readonly unitsRecovered: number;
  /** units recovered ÷ units in scope, in percent, rounded down to 0.1 (so 100 means every unit is back). */
  readonly percent: number;
  readonly targetsTotal: number;
  readonly targetsNotified: number;
};

export type CompletionInput = {
  readonly disposal: RecallDisposal;
  readonly disposalNote: string | null;
  readonly effectiveness: RecallEffectiveness;
  readonly effectivenessNote: string;
  readonly remainingRisk: string;
};

/** The completion report 召回总结报告 kept on the recall. */
export type CompletionReport = CompletionInput & {
  readonly unitsInScope: number;
  readonly unitsRecovered: number;
  readonly percent: number;
  readonly targetsTotal: number;
  /** Targets told after the class's notice time (R-BAT-5, LAW.md §1.7). */
  readonly targetsNotifiedLate: number;
  readonly completedAt: string;
};

const DAY_MS = 86_400_000;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** When distributors and users must have been told: 1 / 3 / 7 days after the recall started, by class. */
export const computeNotificationDueAt = (startedAt: Date, recallClass: RecallClass): Date =>
  new Date(startedAt.getTime() + RECALL_CLASS_RULES[recallClass].notifyWithinDays * DAY_MS);

/**
 * R-BAT-5: the recall's targets from the purchase records — every shipment of the scope's batches into the scope's
 * regions, summed per (customer, region, batch). Units in scope are the units shipped there. A scope that reaches no
 * shipment is refused (RECALL_SCOPE_EMPTY): nobody could be told.
 */
export const planRecallTargets = (
  shipments: readonly ShipmentLine[],
  scope: RecallScope,
): Result<RecallPlan, BatchCaseRefusal> => {
  const batches = new Set(scope.batches);
  const regions = scope.regions === null ? null : new Set(scope.regions);
  const sums = new Map<string, PlannedTarget>();
  for (const s of shipments) {
    if (!batches.has(s.batchNo) || (regions && !regions.has(s.region)) || s.quantity <= 0) continue;
    const key = JSON.stringify([s.customerId, s.region, s.batchNo]);
    const prev = sums.get(key);
    sums.set(key, { ...s, quantity: (prev?.quantity ?? 0) + s.quantity });
  }
  const targets = [...sums.values()].sort(
    (a, b) =>
      byText(a.region, b.region) ||
      byText(a.batchNo, b.batchNo) ||
      byText(a.customerId ?? '', b.customerId ?? ''),
  );
  if (targets.length === 0)
    return err({
      code: 'RECALL_SCOPE_EMPTY',
      details: { batches: [...scope.batches], regions: scope.regions ? [...scope.regions] : null },
    });
  const reached = [...new Set(targets.map((t) => t.region))].sort(byText);
  return ok({
    targets,
    unitsInScope: targets.reduce((n, t) => n + t.quantity, 0),
    scope: { batches: [...batches].sort(byText), regions: reached },
    rules: [{ rule: 'R-BAT-5', detail: `targets_from_shipments:${targets.length}` }],
  });
};

/** R-BAT-5 progress: units recovered ÷ units in scope (0 when nothing is in scope), and how many targets were told. */
export const computeRecallProgress = (targets: readonly TargetState[]): RecallProgress => {
  const unitsInScope = targets.reduce((n, t) => n + t.quantity, 0);
  const unitsRecovered = targets.reduce((n, t) => n + t.recoveredQuantity, 0);
  return {
    unitsInScope,
    unitsRecovered,
    percent: unitsInScope === 0 ? 0 : Math.floor((unitsRecovered * 1000) / unitsInScope) / 10,
    targetsTotal: targets.length,
    targetsNotified: targets.filter((t) => t.notifiedAt !== null).length,
  };
};

/**
 * Records that a target was told and/or how many units came back (an absolute, cumulative count, so a repeated
 * request changes nothing). Refused on a completed recall; a recovered count above what the target received, or
 * recovery before notification, is RECALL_RECOVERY_INVALID. A notice after the class's notice time is flagged.
 */
export const decideTargetUpdate = (
  recall: { readonly status: 'in_progress' | 'completed'; readonly notificationDueAt: Date },
  target: TargetState,
  input: { readonly notified?: boolean | undefined; readonly recoveredQuantity?: number | undefined },
  now: Date,
): Result<
  { readonly notifiedAt: Date | null; readonly recoveredQuantity: number; readonly rules: RuleHit[] },
  BatchCaseRefusal
> => {
  if (recall.status !== 'in_progress') return err({ code: 'RECALL_NOT_IN_PROGRESS', details: {} });
  const notifiedAt = target.notifiedAt ?? (input.notified ? now : null);
  const recovered = input.recoveredQuantity ?? target.recoveredQuantity;
  if (recovered > target.quantity)
    return err({
      code: 'RECALL_RECOVERY_INVALID',
      details: { reason: 'exceeds_quantity', quantity: target.quantity, recoveredQuantity: recovered },
    });
  if (recovered > 0 && notifiedAt === null)
    return err({ code: 'RECALL_RECOVERY_INVALID', details: { reason: 'not_notified' } });
  const rules: RuleHit[] = [];
  if (notifiedAt && !target.notifiedAt)
    rules.push({
      rule: 'R-BAT-5',
      detail: notifiedAt > recall.notificationDueAt ? 'notified_after_class_deadline' : 'notified',
    });
  if (recovered !== target.recoveredQuantity) rules.push({ rule: 'R-BAT-5', detail: 'recovery_recorded' });
  return ok({ notifiedAt, recoveredQuantity: recovered, rules });
};

/**
 * R-BAT-5 completion: refused while any target has not been told (RECALL_TARGETS_NOT_NOTIFIED, with their ids) or
 * when the recall is completed already. The report carries units in scope and recovered, the recovery percentage,
 * disposal of recovered units, the effectiveness rating and the remaining risk.
 */
export const decideRecallCompletion = (
  recall: { readonly status: 'in_progress' | 'completed'; readonly notificationDueAt: Date },
  targets: readonly TargetState[],
  input: CompletionInput,
  now: Date,
): Result<{ readonly report: CompletionReport; readonly rules: RuleHit[] }, BatchCaseRefusal> => {
  if (recall.status !== 'in_progress') return err({ code: 'RECALL_NOT_IN_PROGRESS', details: {} });
  const unnotified = targets.filter((t) => t.notifiedAt === null).map((t) => t.id);
  if (unnotified.length > 0)
    return err({
      code: 'RECALL_TARGETS_NOT_NOTIFIED',
      details: { targetIds: unnotified, count: unnotified.length, rule: 'R-BAT-5' },
    });
  const progress = computeRecallProgress(targets);
  const late = targets.filter((t) => t.notifiedAt && t.notifiedAt > recall.notificationDueAt).length;
  return ok({
    report: {
      ...input,
      unitsInScope: progress.unitsInScope,
      unitsRecovered: progress.unitsRecovered,
      percent: progress.percent,
      targetsTotal: progress.targetsTotal,
      targetsNotifiedLate: late,
      completedAt: now.toISOString(),
    },
    rules: [{ rule: 'R-BAT-5', detail: `recall_completed:${progress.percent}%` }],
  });
};
