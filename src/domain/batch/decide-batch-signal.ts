import type { Injury, Nature } from '../complaint/complaint-vocabulary';
import type { RuleHit } from '../shared/rule-hit';

/** The two reports a batch signal opens: 《市场质量异常反馈单》 (R-BAT-2) and 《质量专题报告》 (R-BAT-3). */
export const QUALITY_REPORT_KINDS = ['abnormality', 'special'] as const;
export type QualityReportKind = (typeof QUALITY_REPORT_KINDS)[number];

/** Why a report is due: the rate above its threshold, a serious event, a personal-safety hazard, long repetition. */
export const REPORT_TRIGGERS = ['rate', 'serious_event', 'safety_hazard', 'repeated'] as const;
export type ReportTrigger = (typeof REPORT_TRIGGERS)[number];

/** R-SLA-7: from the user's complaint to the report sent, at most 72 hours (seed 004). */
export const REPORT_DUE_HOURS = 72;

/** An exact fraction: a rate as typed (0.003 = 3/1000), so rates compare with integers and never with floats. */
export type Fraction = { readonly num: bigint; readonly den: bigint };

/**
 * The decimal a finite, non-negative number prints as (its shortest round-trip form), as an exact fraction:
 * 0.003 → 3/1000, 1e-7 → 1/10000000, 0.0125 → 125/10000.
 */
export const toFraction = (rate: number): Fraction => {
  if (!Number.isFinite(rate) || rate < 0) throw new RangeError(`not a rate: ${rate}`);
  const [mantissa = '0', exponentText = '0'] = rate.toString().toLowerCase().split('e');
  const [whole = '0', decimals = ''] = mantissa.split('.');
  const exponent = Number(exponentText) - decimals.length;
  const digits = BigInt(`${whole}${decimals}`);
  return exponent >= 0
    ? { num: digits * 10n ** BigInt(exponent), den: 1n }
    : { num: digits, den: 10n ** BigInt(-exponent) };
};

/**
 * R-BAT-1/2/3: whether `complaints ÷ shipped` is strictly above `rate`, compared exactly
 * (complaints × den > num × shipped). Nothing shipped: no rate, never above.
 */
export const exceedsRate = (complaints: number, shipped: number, rate: number): boolean => {
  if (shipped <= 0) return false;
  const { num, den } = toFraction(rate);
  return BigInt(complaints) * den > num * BigInt(shipped);
};

/** The complaint facts the signal reads (as confirmed at triage). */
export type SignalComplaint = {
  readonly severity: string | null;
  readonly injury: Injury;
  readonly nature: Nature | null;
};

/** R-BAT-2 serious event (打火、烧机…): the top severity class, a serious injury or death, or a safety nature. */
export const isSeriousEvent = (c: SignalComplaint): boolean =>
  c.severity === 'serious' || c.injury === 'serious' || c.injury === 'death' || c.nature === 'safety';

/** R-BAT-3 personal-safety hazard 危害人身安全: a safety nature, or a serious injury or death. */
export const isSafetyHazard = (c: SignalComplaint): boolean =>
  c.nature === 'safety' || c.injury === 'serious' || c.injury === 'death';

/**
 * R-BAT-3 long-standing repeated complaints 长期存在引起客户多次投诉: at least `count` complaints of the same batch and
 * mechanism were counted before this one, and the first of them came in at least `spanDays` days before it.
 */
export const isRepeatedComplaint = (input: {
  readonly earlierComplaints: number;
  readonly firstComplaintAt: Date;
  readonly receivedAt: Date;
  readonly count: number;
  readonly spanDays: number;
}): boolean =>
  input.earlierComplaints >= input.count &&
  input.receivedAt.getTime() - input.firstComplaintAt.getTime() >= input.spanDays * 86_400_000;

export type BatchSignalInput = {
  /** The counter of (product, batch, mechanism) after this complaint was counted. */
  readonly counter: {
    readonly validComplaints: number;
    readonly seriousEvents: number;
    readonly firstComplaintAt: Date;
  };
  /** Units of the batch shipped (sum of its shipments; the batch quantity when none are recorded; 0 unknown). */
  readonly unitsShipped: number;
  readonly thresholds: { readonly abnormalityReportRate: number; readonly specialReportRate: number };
  /** This complaint: a serious event, a personal-safety hazard, a long-standing repetition. */
  readonly complaint: {
    readonly serious: boolean;
    readonly safetyHazard: boolean;
    readonly repeated: boolean;
  };
};

export type DueReport = {
  readonly kind: QualityReportKind;
  readonly triggers: readonly ReportTrigger[];
  /** The rate threshold of this kind (shown on the report even when another trigger opened it). */
  readonly threshold: number;
  readonly dueAt: Date;
};

export type BatchSignalDecision = {
  /** valid complaints ÷ units shipped; null when nothing is known to be shipped. */
  readonly rate: number | null;
  /** The kinds whose rate threshold is crossed (strictly above). */
  readonly crossed: readonly QualityReportKind[];
  /** The reports that must exist now (the caller opens those not open yet). */
  readonly reports: readonly DueReport[];
  readonly rules: readonly RuleHit[];
};

const permille = (complaints: number, shipped: number): string =>
  `${((complaints * 1000) / shipped).toFixed(3).replace(/\.?0+$/u, '')}‰`;

/**
 * Which quality reports a batch signal requires (DOMAIN §7, seed 004):
 * - R-BAT-1 rate = valid complaints of the (product, batch, mechanism) ÷ units shipped of the batch; nothing shipped
 *   means no rate (only the event triggers can fire).
 * - R-BAT-2 market quality abnormality report when the rate is strictly above `abnormalityReportRate` (3‰), or on
 *   a serious event (this complaint or any counted one).
 * - R-BAT-3 quality special report when the rate is strictly above `specialReportRate` (1%), or this complaint is a
 *   personal-safety hazard, or complaints of the same batch and mechanism have kept coming for a long time.
 * - R-SLA-7 each report is due 72 hours after the FIRST complaint of the counter, not the latest.
 * Rates are compared exactly: 30 complaints per 10 000 shipped is 3‰ and not above it; 31 is.
 */
export const decideBatchSignal = (input: BatchSignalInput): BatchSignalDecision => {
  const { counter, unitsShipped: shipped, thresholds, complaint } = input;
  const rules: RuleHit[] = [];
  const valid = counter.validComplaints;
  const rate = shipped > 0 ? valid / shipped : null;
  rules.push({
    rule: 'R-BAT-1',
    detail:
      shipped > 0
        ? `${valid}/${shipped} = ${permille(valid, shipped)}`
        : `${valid} valid complaints, no units shipped on record: no rate`,
  });
  const crossed: QualityReportKind[] = [];
  const dueAt = new Date(counter.firstComplaintAt.getTime() + REPORT_DUE_HOURS * 3_600_000);
  const reports: DueReport[] = [];

  const abnormality: ReportTrigger[] = [];
  if (exceedsRate(valid, shipped, thresholds.abnormalityReportRate)) {
    crossed.push('abnormality');
    abnormality.push('rate');
  }
  if (complaint.serious || counter.seriousEvents > 0) abnormality.push('serious_event');
  if (abnormality.length > 0) {
    reports.push({
      kind: 'abnormality',
      triggers: abnormality,
      threshold: thresholds.abnormalityReportRate,
      dueAt,
    });
    rules.push({ rule: 'R-BAT-2', detail: `abnormality report: ${abnormality.join(', ')}` });
  }

  const special: ReportTrigger[] = [];
  if (exceedsRate(valid, shipped, thresholds.specialReportRate)) {
    crossed.push('special');
    special.push('rate');
  }
  if (complaint.safetyHazard) special.push('safety_hazard');
  if (complaint.repeated) special.push('repeated');
  if (special.length > 0) {
    reports.push({ kind: 'special', triggers: special, threshold: thresholds.specialReportRate, dueAt });
    rules.push({ rule: 'R-BAT-3', detail: `special report: ${special.join(', ')}` });
  }
  if (reports.length > 0) {
    rules.push({
      rule: 'R-SLA-7',
      detail: `due ${dueAt.toISOString()}: ${REPORT_DUE_HOURS} h from the first complaint ${counter.firstComplaintAt.toISOString()}`,
    });
  }
  return { rate, crossed, reports, rules };
};

/** valid ÷ shipped as an exact decimal text with `places` decimals (half up), for storage; null without shipments. */
export const formatRate = (complaints: number, shipped: number, places = 8): string | null => {
  if (shipped <= 0) return null;
  const scale = 10n ** BigInt(places);
  const scaled = (BigInt(complaints) * scale * 2n + BigInt(shipped)) / (2n * BigInt(shipped));
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(places, '0');
  return `${whole}.${fraction}`;
};
