import type { CustomerTier, Injury, Nature, SpecialGroup } from '../complaint/complaint-vocabulary';
import type { RuleHit } from '../shared/rule-hit';
import {
  APPROVER_ROLES,
  MONEY_KINDS,
  type ApproverRole,
  type CompensationKind,
  type CompensationPolicy,
  type FoodCase,
  type OptionTemplate,
  type ProblemLevel,
} from './compensation-policy';
import { computeApprovalChain } from './compute-approval-chain';
import { assessLegalRemedies, daysBetween, type Citation, type Industry } from './legal-remedies';

/** A hypothetical or real complaint, as the compensation engine reads it. Dates are local `YYYY-MM-DD`. */
export type CompensationInput = {
  readonly industry: Industry;
  readonly nature: Nature | null;
  readonly severity: string | null;
  /** R-RES-3 sub-case; derived from the nature when absent. */
  readonly foodCase: FoodCase | null;
  /** R-RES-2 level; derived from the nature when absent. */
  readonly problemLevel: ProblemLevel | null;
  readonly unitPriceFen: number;
  readonly quantity: number;
  /** Consequential losses claimed and evidenced (freight, lost wages, medical costs), in fen. */
  readonly lossFen: number;
  readonly purchaseDate: string;
  readonly decisionDate: string;
  readonly distanceSale: boolean;
  /** Fresh and perishable goods are excluded from the 7-day no-reason return (消法 art. 25(1)(二)). */
  readonly perishable: boolean;
  readonly customerTier: CustomerTier;
  readonly specialGroup: SpecialGroup | null;
  readonly injury: Injury;
  readonly major: boolean;
  readonly maliciousSignals: boolean;
  readonly verificationDone: boolean;
  readonly priorFailedRepairs: number;
  readonly mileageKm: number | null;
  readonly foodSafetyViolation: boolean;
  readonly fraudEstablished: boolean;
};

export type CompensationOption = {
  readonly kind: CompensationKind;
  readonly amountFen: number;
  /** Top of the matrix range; more needs `beyondMatrixApprover` (R-RES-4). Equal to `amountFen` for a legal remedy. */
  readonly maxAmountFen: number;
  readonly approvalChain: readonly ApproverRole[];
  readonly siteCheckRequired: boolean;
  /** Rule ids and citation refs this option comes from. */
  readonly basis: readonly string[];
};

export type CompensationDecision = {
  readonly options: readonly CompensationOption[];
  /** Every role any offered option needs, lowest to highest (`APPROVER_ROLES` order). */
  readonly approvals: readonly ApproverRole[];
  readonly rules: readonly RuleHit[];
  readonly citations: readonly Citation[];
  readonly handling: {
    readonly fastLane: boolean;
    readonly homeService: boolean;
    readonly dedicatedFollowUpOwner: boolean;
    readonly hospitalDiagnosisRequired: boolean;
  };
};

type Draft = {
  kind: CompensationKind;
  amountFen: number;
  maxAmountFen: number;
  extra: ApproverRole[];
  basis: string[];
};

const foodCaseOf = (input: CompensationInput): FoodCase => {
  if (input.foodCase) return input.foodCase;
  if (input.nature === 'spoilage') return 'spoilage';
  if (input.nature === 'packaging') return 'minor';
  if (input.nature === 'foreign_matter') return 'foreign_opened_not_eaten';
  return 'general';
};

const levelOf = (input: CompensationInput): ProblemLevel | null => {
  if (input.problemLevel) return input.problemLevel;
  if (input.nature === 'appearance') return 'appearance';
  if (input.nature === 'safety') return 'safety';
  if (input.nature === 'function' || input.nature === 'performance') return 'functional';
  return null;
};

const fromTemplate = (t: OptionTemplate, value: number, input: CompensationInput, rule: string): Draft => {
  const multiple = (input.severity ? t.multipleBySeverity?.[input.severity] : undefined) ?? t.multiple;
  const fixed = t.fixedFen ?? 0;
  const losses = t.plusLosses ? input.lossFen : 0;
  const amountFen = Math.max(0, Math.round(value * multiple) + fixed + losses);
  const top = Math.max(0, Math.round(value * Math.max(t.maxMultiple ?? multiple, multiple)) + fixed + losses);
  return { kind: t.kind, amountFen, maxAmountFen: top, extra: [...(t.approvers ?? [])], basis: [rule] };
};

const merge = (drafts: readonly Draft[]): Draft[] => {
  const out: Draft[] = [];
  for (const d of drafts) {
    const same = out.find((o) => o.kind === d.kind);
    if (!same) out.push({ ...d, extra: [...d.extra], basis: [...d.basis] });
    else {
      same.amountFen = Math.max(same.amountFen, d.amountFen);
      same.maxAmountFen = Math.max(same.maxAmountFen, d.maxAmountFen, same.amountFen);
      d.extra.forEach((r) => !same.extra.includes(r) && same.extra.push(r));
      d.basis.forEach((b) => !same.basis.includes(b) && same.basis.push(b));
    }
  }
  return out;
};

/**
 * Decides the ranked solution options for a complaint (DOMAIN §9–10) and explains them.
 * - R-RES-3 (food preset) or R-RES-2 (others) give the business options from the policy's matrix or levels.
 * - R-RES-5: remedies the law gives (7/15-day windows, two failed repairs, distance sale) are added, and every
 *   refund/cash amount is raised to the legal floor (食品安全法 148, 消法 55) — a policy never undercuts a floor.
 * - R-RES-6: long-term/key accounts get a higher multiple and a future-order discount; new customers the fast
 *   lane; special groups home service and a dedicated follow-up owner.
 * - R-MAL-2: with malicious signals the business options are strictly 1:1 plus the policy's thank-you, and no
 *   cash is offered before verification is done (legal remedies and floors still stand).
 * - R-RES-4 / R-APR-1: options are ranked by the policy (company products before cash); each carries its
 *   approval chain. An unreadable date, or a decision before the purchase, counts as outside every window (and says
 *   so).
 */
export const decideCompensation = (
  input: CompensationInput,
  policy: CompensationPolicy,
): CompensationDecision => {
  const rules: RuleHit[] = [];
  const value = Math.max(0, input.unitPriceFen) * Math.max(0, input.quantity);
  const elapsed = daysBetween(input.purchaseDate, input.decisionDate);
  const days = elapsed !== undefined && elapsed >= 0 ? elapsed : undefined;
  if (days === undefined) rules.push({ rule: 'R-RES-5', detail: 'dates_unreadable_windows_not_applied' });
  const level = levelOf(input);
  let drafts: Draft[] = [];
  if (input.industry === 'food') {
    const foodCase = foodCaseOf(input);
    const row = policy.foodMatrix.find((r) => r.case === foodCase);
    rules.push({ rule: 'R-RES-3', detail: `food_case:${foodCase}` });
    drafts = (row?.options ?? []).map((t) => fromTemplate(t, value, input, 'R-RES-3'));
  } else if (level) {
    rules.push({ rule: 'R-RES-2', detail: `level:${level}` });
    drafts = policy.levels[level].map((t) => fromTemplate(t, value, input, 'R-RES-2'));
  }
  const tier =
    input.customerTier === 'long_term' || input.customerTier === 'key_account' ? input.customerTier : null;
  if (tier) {
    const rule = policy.tiers[tier];
    for (const d of drafts)
      if (d.kind === 'company_products' || d.kind === 'voucher' || d.kind === 'points') {
        d.amountFen = Math.round(d.amountFen * rule.multiple);
        d.maxAmountFen = Math.max(d.amountFen, Math.round(d.maxAmountFen * rule.multiple));
      }
    if (rule.futureOrderDiscount)
      drafts.push({
        kind: 'future_order_discount',
        amountFen: 0,
        maxAmountFen: 0,
        extra: [],
        basis: ['R-RES-6'],
      });
    rules.push({ rule: 'R-RES-6', detail: `tier:${tier}` });
  }
  if (input.maliciousSignals) {
    for (const d of drafts) {
      d.amountFen = Math.min(d.amountFen, value);
      d.maxAmountFen = Math.min(d.maxAmountFen, value);
    }
    drafts.push({
      kind: 'thanks_gift',
      amountFen: policy.caps.thankYouFen,
      maxAmountFen: policy.caps.thankYouFen,
      extra: [],
      basis: ['R-MAL-2'],
    });
    rules.push({ rule: 'R-MAL-2', detail: 'strictly_1_to_1_plus_thanks' });
  }
  const legal = assessLegalRemedies({
    industry: input.industry,
    problemLevel: input.industry === 'food' ? null : level,
    goodsValueFen: value,
    lossFen: Math.max(0, input.lossFen),
    daysSincePurchase: days ?? Number.POSITIVE_INFINITY,
    distanceSale: input.distanceSale,
    perishable: input.perishable,
    priorFailedRepairs: input.priorFailedRepairs,
    mileageKm: input.mileageKm,
    foodSafetyViolation: input.foodSafetyViolation,
    fraudEstablished: input.fraudEstablished,
  });
  for (const r of legal.remedies)
    drafts.push({
      kind: r.kind,
      amountFen: r.amountFen,
      maxAmountFen: r.amountFen,
      extra: [],
      basis: ['R-RES-5', r.ref],
    });
  if (legal.citations.length > 0)
    rules.push({ rule: 'R-RES-5', detail: legal.citations.map((c) => c.ref).join(',') });
  let merged = merge(drafts);
  if (legal.floorFen > 0)
    for (const d of merged)
      if (MONEY_KINDS.includes(d.kind) && d.amountFen < legal.floorFen) {
        d.amountFen = legal.floorFen;
        d.maxAmountFen = Math.max(d.maxAmountFen, legal.floorFen);
      }
  if (input.maliciousSignals && !input.verificationDone && merged.some((d) => d.kind === 'cash')) {
    merged = merged.filter((d) => d.kind !== 'cash');
    rules.push({ rule: 'R-MAL-2', detail: 'no_cash_before_verification' });
  }
  const rankOf = (k: CompensationKind): number => {
    const i = policy.rank.indexOf(k);
    return i < 0 ? policy.rank.length : i;
  };
  merged.sort((a, b) => rankOf(a.kind) - rankOf(b.kind));
  if (merged.some((d) => d.kind === 'cash' || d.kind === 'company_products'))
    rules.push({ rule: 'R-RES-4', detail: 'company_products_before_cash' });
  const options: CompensationOption[] = merged.map((d) => ({
    kind: d.kind,
    amountFen: d.amountFen,
    maxAmountFen: Math.max(d.maxAmountFen, d.amountFen),
    approvalChain: computeApprovalChain(
      { kind: d.kind, amountFen: d.amountFen, major: input.major, extra: d.extra },
      policy,
    ),
    siteCheckRequired: d.amountFen > policy.siteCheckAboveFen,
    basis: d.basis,
  }));
  const needed = new Set(options.flatMap((o) => o.approvalChain));
  const approvals = APPROVER_ROLES.filter((r) => needed.has(r));
  if (needed.size > 0) rules.push({ rule: 'R-APR-1', detail: approvals.join('>') });
  if (input.specialGroup || input.customerTier === 'new')
    rules.push({
      rule: 'R-RES-6',
      detail: input.specialGroup ? `special:${input.specialGroup}` : 'new_fast_lane',
    });
  return {
    options,
    approvals,
    rules,
    citations: legal.citations,
    handling: {
      fastLane: input.customerTier === 'new',
      homeService: input.specialGroup !== null,
      dedicatedFollowUpOwner: input.specialGroup !== null,
      hospitalDiagnosisRequired: input.injury !== 'none',
    },
  };
};
