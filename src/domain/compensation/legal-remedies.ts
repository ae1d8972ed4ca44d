import type { CompensationKind, ProblemLevel } from './compensation-policy';

/** Industry presets; 三包 (1995 rules) applies to listed durable goods, the 2022 car rules to `auto`. */
export const INDUSTRIES = ['generic', 'food', 'appliance', 'furniture', 'auto', 'medical'] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** A legal citation in the explanation; `floorFen` is the computed minimum when the citation is a floor. */
export type Citation = { readonly ref: string; readonly text: string; readonly floorFen?: number };

/** A remedy the law gives the customer: the company must offer it, whatever the policy says (R-RES-5). */
export type LegalRemedy = {
  readonly kind: CompensationKind;
  readonly amountFen: number;
  readonly ref: string;
};

export type LegalFacts = {
  readonly industry: Industry;
  readonly problemLevel: ProblemLevel | null;
  readonly goodsValueFen: number;
  readonly lossFen: number;
  readonly daysSincePurchase: number;
  readonly distanceSale: boolean;
  readonly perishable: boolean;
  readonly priorFailedRepairs: number;
  readonly mileageKm: number | null;
  readonly foodSafetyViolation: boolean;
  readonly fraudEstablished: boolean;
};

export type LegalAssessment = {
  readonly remedies: readonly LegalRemedy[];
  /** The highest floor that applies (0 when none): refund and cash options are never below it. */
  readonly floorFen: number;
  readonly citations: readonly Citation[];
};

const FOOD_FLOOR_MIN_FEN = 100_000;
const FRAUD_FLOOR_MIN_FEN = 50_000;
const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formats fen as `1,234.50 元` (integer arithmetic; no floats). */
export const formatYuan = (fen: number): string => {
  const yuan = Math.floor(fen / 100).toLocaleString('en-US');
  return `${yuan}.${String(fen % 100).padStart(2, '0')} 元`;
};

/** Parses a local calendar date `YYYY-MM-DD` into a day number; undefined when malformed or not a real date. */
export const parseDay = (date: string): number | undefined => {
  const m = DATE.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return ms / DAY_MS;
};

/**
 * Days from purchase (or receipt) to the decision date: purchase on 1 June and decide on 8 June = 7, still inside
 * a "within 7 days" window; 9 June = 8, outside. This matches the 7-day no-reason return counted from the day after
 * signing for the goods (网络购买商品七日无理由退货暂行办法).
 */
export const daysBetween = (from: string, to: string): number | undefined => {
  const a = parseDay(from);
  const b = parseDay(to);
  return a === undefined || b === undefined ? undefined : b - a;
};

const isPerformanceFailure = (level: ProblemLevel | null): boolean =>
  level === 'functional' || level === 'safety';

const returnWindows = (f: LegalFacts): { remedies: LegalRemedy[]; citations: Citation[] } => {
  const remedies: LegalRemedy[] = [];
  const citations: Citation[] = [];
  const refund = (ref: string): LegalRemedy => ({ kind: 'refund', amountFen: f.goodsValueFen, ref });
  const replace = (ref: string): LegalRemedy => ({ kind: 'replacement', amountFen: f.goodsValueFen, ref });
  const failed = isPerformanceFailure(f.problemLevel);
  if (f.industry === 'auto') {
    if (failed && f.daysSincePurchase <= 7) {
      remedies.push(replace('CAR-22'), refund('CAR-22'));
      citations.push({
        ref: 'CAR-22',
        text: '家用汽车三包 第22条: 7 日内需更换发动机/变速器/动力蓄电池/驱动电机 → 换车或退车',
      });
    }
    const within3000 = f.mileageKm === null || f.mileageKm <= 3_000;
    if (f.problemLevel === 'safety' && f.daysSincePurchase <= 60 && within3000) {
      remedies.push(replace('CAR-23'), refund('CAR-23'));
      citations.push({
        ref: 'CAR-23',
        text: '家用汽车三包 第23条: 60 日或 3,000 km 内转向/制动失效、车身开裂、燃油泄漏、动力蓄电池起火 → 换车或退车',
      });
    }
    if (f.problemLevel === 'safety' && f.priorFailedRepairs >= 2) {
      remedies.push(replace('CAR-24'), refund('CAR-24'));
      citations.push({
        ref: 'CAR-24',
        text: '家用汽车三包 第24条: 严重安全性能故障累计修理 2 次仍未排除 → 换车或退车',
      });
    }
    if (failed) remedies.push({ kind: 'repair', amountFen: 0, ref: 'CAR-19' });
    return { remedies, citations };
  }
  if (f.industry === 'food') return { remedies, citations };
  const sanbao = f.industry === 'appliance';
  if (failed && f.daysSincePurchase <= 7) {
    const ref = sanbao ? 'SANBAO-9' : 'CPL-24';
    remedies.push(refund(ref), replace(ref), { kind: 'repair', amountFen: 0, ref });
    citations.push(
      sanbao
        ? { ref, text: '三包 第9条: 7 日内性能故障可退货/换货/修理' }
        : { ref, text: '消费者权益保护法 第24条: 不符合质量要求, 7 日内可退货' },
    );
  } else if (sanbao && failed && f.daysSincePurchase <= 15) {
    remedies.push(replace('SANBAO-10'), { kind: 'repair', amountFen: 0, ref: 'SANBAO-10' });
    citations.push({ ref: 'SANBAO-10', text: '三包 第10条: 15 日内性能故障可换货/修理' });
  }
  if (sanbao && failed && f.priorFailedRepairs >= 2) {
    remedies.push(replace('SANBAO-11'), refund('SANBAO-11'));
    citations.push({ ref: 'SANBAO-11', text: '三包 第11条: 两次修理仍不能正常使用可换货/退货' });
  }
  return { remedies, citations };
};

/**
 * R-RES-5: the remedies and floors the law gives for these facts (LAW.md §1.1–1.5). Windows: 消法 art. 24/25,
 * 三包 art. 9/10/11, 2022 car rules art. 22/23/24. Floors: 食品安全法 art. 148 `max(10×price, 3×loss, 1000 元)`
 * when a food-safety-standard violation is established; 消法 art. 55 `max(3×price, 500 元)` when fraud is
 * established. Both floors come on top of the actual loss; the higher one is returned.
 */
export const assessLegalRemedies = (f: LegalFacts): LegalAssessment => {
  const { remedies, citations } = returnWindows(f);
  if (f.distanceSale && !f.perishable && f.daysSincePurchase <= 7) {
    remedies.push({ kind: 'refund', amountFen: f.goodsValueFen, ref: 'CPL-25' });
    citations.push({ ref: 'CPL-25', text: '消法 第25条: 7 日无理由退货 (distance sale)' });
  }
  let floorFen = 0;
  if (f.industry === 'food' && f.foodSafetyViolation) {
    const floor = Math.max(10 * f.goodsValueFen, 3 * f.lossFen, FOOD_FLOOR_MIN_FEN);
    floorFen = Math.max(floorFen, floor);
    citations.push({
      ref: 'FSL-148',
      text: `食品安全法 第148条: max(10×price, 3×loss, 1000 元) = ${formatYuan(floor)}`,
      floorFen: floor,
    });
  }
  if (f.fraudEstablished) {
    const floor = Math.max(3 * f.goodsValueFen, FRAUD_FLOOR_MIN_FEN);
    floorFen = Math.max(floorFen, floor);
    citations.push({
      ref: 'CPL-55',
      text: `消费者权益保护法 第55条: max(3×price, 500 元) = ${formatYuan(floor)}`,
      floorFen: floor,
    });
  }
  if (floorFen > 0) remedies.push({ kind: 'cash', amountFen: floorFen + f.lossFen, ref: 'FLOOR' });
  return { remedies, floorFen, citations };
};
