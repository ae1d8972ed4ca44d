import type { Nature, ResponsibilityStage } from '../complaint/complaint-vocabulary';
import { assertNever } from '../shared/assert-never';
import { err, ok, type Result } from '../shared/result';
import type { RuleHit } from '../shared/rule-hit';

/**
 * Who can bear the cost of a complaint (R-RES-8 责任划分): an internal production (or engineering) department, a
 * supplier, the logistics company, a retailer or dealer, the customer (R-WAR-4), or the company itself, which
 * absorbs what no one else is responsible for.
 */
export const PARTY_KINDS = [
  'production_department',
  'supplier',
  'logistics',
  'retailer',
  'customer',
  'company',
] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const PARTY_KIND_LABELS: Record<PartyKind, { readonly 'zh-CN': string; readonly en: string }> = {
  production_department: { 'zh-CN': '生产单位', en: 'Production department' },
  supplier: { 'zh-CN': '供应商', en: 'Supplier' },
  logistics: { 'zh-CN': '物流公司', en: 'Logistics company' },
  retailer: { 'zh-CN': '经销商/零售商', en: 'Retailer / dealer' },
  customer: { 'zh-CN': '顾客', en: 'Customer' },
  company: { 'zh-CN': '公司承担', en: 'Company (absorbed)' },
};

/**
 * The causes R-RES-8 names, when a person has established one (more specific than the nature): foreign matter,
 * bad seal, short quantity/weight and mixed products are production's; softening or spoilage in transport the
 * logistics company's; improper storage the retailer's; damage the customer caused the customer's.
 */
export const COST_CAUSES = [
  'foreign_matter',
  'bad_seal',
  'short_quantity',
  'mixed_products',
  'transport_softening',
  'transport_spoilage',
  'improper_storage',
  'customer_damage',
] as const;
export type CostCause = (typeof COST_CAUSES)[number];

const CAUSE_PARTY: Record<CostCause, PartyKind> = {
  foreign_matter: 'production_department',
  bad_seal: 'production_department',
  short_quantity: 'production_department',
  mixed_products: 'production_department',
  transport_softening: 'logistics',
  transport_spoilage: 'logistics',
  improper_storage: 'retailer',
  customer_damage: 'customer',
};

/**
 * R-CLS-5 preliminary responsibility stage → party. Design faults are the engineering department's, an internal
 * department like production (an internal cost transfer); installation is done by the company's own service staff
 * (seed 004), so the company absorbs it; `unknown` decides nothing.
 */
const STAGE_PARTY: Record<ResponsibilityStage, PartyKind | null> = {
  design: 'production_department',
  purchasing: 'supplier',
  production: 'production_department',
  logistics: 'logistics',
  installation: 'company',
  retailer_storage: 'retailer',
  customer_misuse: 'customer',
  unknown: null,
};

/**
 * Nature → party, only where R-RES-8 names the nature itself: foreign matter and packaging (bad seal, labelling)
 * are production's, misuse the customer's. Spoilage needs the stage (transport → logistics, storage → retailer,
 * production → production), so on its own it decides nothing, like the other natures.
 */
const NATURE_PARTY: Record<Nature, PartyKind | null> = {
  foreign_matter: 'production_department',
  packaging: 'production_department',
  misuse: 'customer',
  spoilage: null,
  appearance: null,
  function: null,
  performance: null,
  safety: null,
  delivery: null,
  price: null,
  service: null,
};

export type ResponsibilityFacts = {
  readonly nature: Nature | null;
  readonly responsibilityStage: ResponsibilityStage | null;
  /** R-CLS-6 misuse confirmed by the person who classified the complaint. */
  readonly misuse: boolean;
  /** A cause a person established (investigation), when known. */
  readonly cause?: CostCause | null;
};

export type ResponsibilitySuggestion = {
  readonly partyKind: PartyKind;
  /** Which fact decided: the established cause, the responsibility stage, misuse, the nature, or none. */
  readonly basis: 'cause' | 'stage' | 'misuse' | 'nature' | 'none';
  readonly rules: readonly RuleHit[];
};

const WAR_4: RuleHit = {
  rule: 'R-WAR-4',
  detail: 'customer-caused damage: the customer pays parts and labour at market price, with consent',
};

const suggestion = (
  partyKind: PartyKind,
  basis: ResponsibilitySuggestion['basis'],
  detail: string,
): ResponsibilitySuggestion => ({
  partyKind,
  basis,
  rules: [
    { rule: 'R-RES-8', detail: `${detail} → ${partyKind}` },
    ...(partyKind === 'customer' ? [WAR_4] : []),
  ],
});

/**
 * Suggests who bears the cost of a complaint (R-RES-8). The most specific fact decides, in this order:
 * 1. an established cause (foreign matter, bad seal, short quantity/weight, mixed products → production; softening
 *    or spoilage in transport → logistics; improper storage → retailer/dealer; customer damage → customer);
 * 2. the confirmed responsibility stage (R-CLS-5): production/design → production, purchasing → supplier, logistics →
 *    logistics, retailer storage → retailer, customer misuse → customer, installation → company;
 * 3. confirmed misuse (R-CLS-6) → customer;
 * 4. the nature: foreign matter or packaging → production, misuse → customer.
 * Nothing matching → the company absorbs the cost, and the rule detail says so. A customer party also cites R-WAR-4
 * (the customer pays at market price, with consent). A person decides the actual split (`splitCost`).
 */
export const suggestResponsibleParty = (facts: ResponsibilityFacts): ResponsibilitySuggestion => {
  if (facts.cause) return suggestion(CAUSE_PARTY[facts.cause], 'cause', `cause ${facts.cause}`);
  const stage = facts.responsibilityStage;
  const byStage = stage ? STAGE_PARTY[stage] : null;
  if (stage && byStage) {
    const s = suggestion(byStage, 'stage', `responsibility stage ${stage}`);
    return { ...s, rules: [{ rule: 'R-CLS-5', detail: `responsibility stage ${stage}` }, ...s.rules] };
  }
  if (facts.misuse) {
    const s = suggestion('customer', 'misuse', 'misuse confirmed');
    return { ...s, rules: [{ rule: 'R-CLS-6', detail: 'misuse confirmed' }, ...s.rules] };
  }
  const byNature = facts.nature ? NATURE_PARTY[facts.nature] : null;
  if (facts.nature && byNature) return suggestion(byNature, 'nature', `nature ${facts.nature}`);
  return {
    partyKind: 'company',
    basis: 'none',
    rules: [
      {
        rule: 'R-RES-8',
        detail: `no R-RES-8 row matches (nature ${facts.nature ?? 'unclassified'}, stage ${stage ?? 'unknown'}): the company absorbs the cost`,
      },
    ],
  };
};

/** One party's share as a person enters it: basis points, 10 000 = 100 %. */
export type CostShareInput = {
  readonly partyKind: PartyKind;
  readonly partyName: string;
  readonly shareBp: number;
};

export type CostShare<S extends CostShareInput = CostShareInput> = S & { readonly amountFen: number };

export type CostSplitError =
  | { readonly code: 'COST_SHARES_INVALID'; readonly problem: 'empty' }
  | { readonly code: 'COST_SHARES_INVALID'; readonly problem: 'sum_not_10000'; readonly sumBp: number }
  | {
      readonly code: 'COST_SHARES_INVALID';
      readonly problem: 'share_out_of_range';
      readonly index: number;
      readonly shareBp: number;
    }
  | {
      readonly code: 'COST_SHARES_INVALID';
      readonly problem: 'duplicate_party';
      readonly index: number;
      readonly partyKind: PartyKind;
      readonly partyName: string;
    }
  | { readonly code: 'COST_TOTAL_INVALID'; readonly totalFen: number };

export const FULL_SHARE_BP = 10_000;

/**
 * Divides `totalFen` in proportion to non-negative integer `weights` by the largest-remainder method: every part is
 * the floor of its exact share, and the fen left over go one each to the largest remainders (the earlier part wins a
 * tie). The parts sum to exactly `totalFen`; a negative total (a net reversal) is divided as its absolute value and
 * negated. All weights zero → everything to the first part. Integer arithmetic throughout (BigInt), no floats.
 */
export const apportionFen = (totalFen: number, weights: readonly number[]): number[] => {
  if (weights.length === 0) return [];
  const sign = totalFen < 0 ? -1n : 1n;
  const total = BigInt(Math.abs(totalFen));
  const ws = weights.map((w) => BigInt(Math.max(0, Math.trunc(w))));
  const sum = ws.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return weights.map((_, i) => (i === 0 ? totalFen : 0));
  const parts = ws.map((w) => (total * w) / sum);
  const remainders = ws.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p * sign));
};

/**
 * Splits the cost of a complaint between the responsible parties (R-RES-8). Each share is an integer number of basis
 * points in 1..10 000, the shares add up to exactly 10 000, and no (kind, name) party appears twice; otherwise
 * COST_SHARES_INVALID says which. The total is integer fen ≥ 0 (else COST_TOTAL_INVALID). Amounts come from
 * `apportionFen`: never negative, and they sum to exactly `totalFen`.
 */
export const splitCost = <S extends CostShareInput>(
  totalFen: number,
  shares: readonly S[],
): Result<CostShare<S>[], CostSplitError> => {
  if (!Number.isSafeInteger(totalFen) || totalFen < 0) return err({ code: 'COST_TOTAL_INVALID', totalFen });
  if (shares.length === 0) return err({ code: 'COST_SHARES_INVALID', problem: 'empty' });
  const seen = new Set<string>();
  for (const [index, s] of shares.entries()) {
    if (!Number.isInteger(s.shareBp) || s.shareBp <= 0 || s.shareBp > FULL_SHARE_BP)
      return err({ code: 'COST_SHARES_INVALID', problem: 'share_out_of_range', index, shareBp: s.shareBp });
    const key = `${s.partyKind}\u0000${s.partyName.trim()}`;
    if (seen.has(key))
      return err({
        code: 'COST_SHARES_INVALID',
        problem: 'duplicate_party',
        index,
        partyKind: s.partyKind,
        partyName: s.partyName,
      });
    seen.add(key);
  }
  const sumBp = shares.reduce((a, s) => a + s.shareBp, 0);
  if (sumBp !== FULL_SHARE_BP) return err({ code: 'COST_SHARES_INVALID', problem: 'sum_not_10000', sumBp });
  const amounts = apportionFen(
    totalFen,
    shares.map((s) => s.shareBp),
  );
  return ok(shares.map((s, i) => ({ ...s, amountFen: amounts[i] ?? 0 })));
};

/** Which printed documents a party's share needs (R-RES-8, R-RPT-3, seed 004 Q/SPT-RGS-8002 and 8004). */
export type PartyDocuments = {
  /** 质量事故费用转移单: the cost is transferred to a party other than the company itself and the customer. */
  readonly transferForm: boolean;
  /** 扣款通知单: an amount is deducted from an external party (supplier, logistics company, retailer/dealer). */
  readonly deductionNotice: boolean;
  /** The customer is charged at market price, with consent (R-WAR-4): no transfer form or deduction notice. */
  readonly customerCharge: boolean;
};

/**
 * The documents a party's share needs (R-RES-8): every party except the company and the customer gets a cost-transfer
 * form 质量事故费用转移单; the external ones (supplier, logistics, retailer) also a deduction notice 扣款通知单; the
 * customer is charged at market price with consent (R-WAR-4); the company absorbs its share without a document.
 */
export const documentsFor = (partyKind: PartyKind): PartyDocuments => {
  switch (partyKind) {
    case 'production_department':
      return { transferForm: true, deductionNotice: false, customerCharge: false };
    case 'supplier':
    case 'logistics':
    case 'retailer':
      return { transferForm: true, deductionNotice: true, customerCharge: false };
    case 'customer':
      return { transferForm: false, deductionNotice: false, customerCharge: true };
    case 'company':
      return { transferForm: false, deductionNotice: false, customerCharge: false };
    default:
      return assertNever(partyKind);
  }
};

/** One stored share of a complaint's cost (R-RES-8), with the numbers of the printed forms it needs. */
export type CostAllocation = {
  readonly id: string;
  readonly complaintId: string;
  readonly partyKind: PartyKind;
  readonly partyName: string;
  /** The internal department that bears it (production, engineering), when the party is one. */
  readonly departmentId: string | null;
  readonly shareBp: number;
  readonly amountFen: number;
  /** Why this party bears it: the rule that fired, or the reason a person gave. */
  readonly rule: string | null;
  /** 质量事故费用转移单 number, `ZY-YYYY-NNNNNN`. */
  readonly transferFormNo: string | null;
  /** 扣款通知单 number, `KK-YYYY-NNNNNN`. */
  readonly deductionNoticeNo: string | null;
  readonly createdBy: string | null;
  readonly createdAt: Date;
};

/** Form number prefixes: 转移 ZY for the cost-transfer form, 扣款 KK for the deduction notice. */
export const FORM_PREFIXES = { transfer: 'ZY', deduction: 'KK' } as const;
export type CostFormType = keyof typeof FORM_PREFIXES;

/** `ZY-2026-000001` / `KK-2026-000001`: the series, the (Asia/Shanghai) year of issue and the gapless sequence. */
export const formatFormNumber = (type: CostFormType, year: number, seq: number): string =>
  `${FORM_PREFIXES[type]}-${year}-${String(seq).padStart(6, '0')}`;
