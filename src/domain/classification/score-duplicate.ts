import type { RuleHit } from '../shared/rule-hit';
import { normaliseCustomerPhone } from '../reference/normalise-customer-phone';
import { characterBigrams, normaliseText } from './tokenise-text';

/** What duplicate detection needs to know about one complaint (a projection of the record). */
export type DuplicateSide = {
  readonly id: string;
  readonly phone: string | null;
  readonly productCode: string | null;
  readonly batch: string | null;
  readonly description: string;
  readonly receivedAt: Date;
};

export type DuplicatePolicy = {
  /** Two complaints further apart than this (wall-clock days, either direction) are never linked. */
  readonly windowDays: number;
  /** Jaccard similarity of the descriptions' character bigrams, 0..1, needed to suggest a link. */
  readonly minTextSimilarity: number;
};

export const DEFAULT_DUPLICATE_POLICY: DuplicatePolicy = { windowDays: 30, minTextSimilarity: 0.3 };

export type DuplicateScore = {
  readonly suggested: boolean;
  /** Rounded to 4 decimals, so the number shown, stored and compared is the same. */
  readonly similarity: number;
  readonly reasons: readonly RuleHit[];
};

const DAY_MS = 86_400_000;

/** Jaccard index of two token sets; 0 when both are empty (no evidence is not similarity). */
/**
 * Overlap coefficient |A∩B| / min(|A|, |B|): a re-submission that repeats the problem and adds context
 * ("上周已经反映过了，还没人联系我") still scores high, where Jaccard would be diluted by the added words.
 * Phone, product and time window already narrow the candidates, so the looser measure is safe here.
 */
const overlap = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return shared / Math.min(a.size, b.size);
};

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

/** Product codes and batches compare without case, width or separators: `KFR-35GW` = `ｋｆｒ35gw`. */
const normaliseCode = (code: string | null): string | null => {
  if (code === null) return null;
  const folded = normaliseText(code).replace(/[^\p{L}\p{N}]/gu, '');
  return folded === '' ? null : folded;
};

/** Similarity of two descriptions: overlap coefficient over character bigrams (`characterBigrams`), 0..1, 4 decimals. */
export const computeTextSimilarity = (a: string, b: string): number =>
  round4(overlap(new Set(characterBigrams(a)), new Set(characterBigrams(b))));

const compare = (label: string, a: string | null, b: string | null): { same: boolean; hit: RuleHit } => {
  if (a === null || b === null) return { same: false, hit: { rule: 'R-INT-3', detail: `${label}: missing` } };
  const same = a === b;
  return { same, hit: { rule: 'R-INT-3', detail: `${label}: ${same ? 'same' : 'differs'}` } };
};

const scoreWithTokens = (
  a: DuplicateSide,
  aTokens: ReadonlySet<string>,
  b: DuplicateSide,
  policy: DuplicatePolicy,
): DuplicateScore => {
  const similarity = round4(overlap(aTokens, new Set(characterBigrams(b.description))));
  if (a.id === b.id) {
    return { suggested: false, similarity, reasons: [{ rule: 'R-INT-3', detail: 'same complaint' }] };
  }
  const phone = compare(
    'phone',
    normaliseCustomerPhone(a.phone ?? ''),
    normaliseCustomerPhone(b.phone ?? ''),
  );
  const product = compare('product', normaliseCode(a.productCode), normaliseCode(b.productCode));
  const batch = compare('batch', normaliseCode(a.batch), normaliseCode(b.batch));
  const apartDays = Math.abs(a.receivedAt.getTime() - b.receivedAt.getTime()) / DAY_MS;
  const inWindow = apartDays <= policy.windowDays;
  const similarEnough = similarity >= policy.minTextSimilarity;
  const reasons: RuleHit[] = [
    phone.hit,
    product.hit,
    // Batch is shown, not required: customers mistype it, and a missed link costs more than a refused one.
    batch.hit,
    {
      rule: 'R-INT-3',
      detail: `received ${round4(apartDays)} days apart (window ${policy.windowDays}): ${inWindow ? 'within' : 'outside'}`,
    },
    {
      rule: 'R-INT-3',
      detail: `text similarity ${similarity} ${similarEnough ? '>=' : '<'} ${policy.minTextSimilarity}`,
    },
  ];
  return { suggested: phone.same && product.same && inWindow && similarEnough, similarity, reasons };
};

/**
 * Scores whether complaint `b` re-submits the problem of complaint `a` (R-INT-3: one complaint ↔ one form;
 * re-submissions are linked, not lost). A link is *suggested* — staff confirm, and linked complaints keep their
 * own history — when all hold: the same phone after `normaliseCustomerPhone`, the same product code (ignoring case,
 * width and separators), received within `windowDays` of each other (inclusive, either order), and description
 * similarity ≥ `minTextSimilarity`. A missing phone or product code on either side never matches. The batch is
 * reported but not required. `reasons` lists every check and how it came out, so the UI can show why not.
 */
export const scoreDuplicate = (a: DuplicateSide, b: DuplicateSide, policy: DuplicatePolicy): DuplicateScore =>
  scoreWithTokens(a, new Set(characterBigrams(a.description)), b, policy);

export type DuplicateCandidate<T extends DuplicateSide> = DuplicateScore & { readonly candidate: T };

/**
 * The candidates for which a link to `subject` is suggested (R-INT-3, see `scoreDuplicate`), most similar
 * first; ties go to the one received closest in time, then by id, so the order is stable. The subject itself
 * (same id) is never its own duplicate.
 */
export const findDuplicateCandidates = <T extends DuplicateSide>(
  subject: DuplicateSide,
  candidates: readonly T[],
  policy: DuplicatePolicy,
): readonly DuplicateCandidate<T>[] => {
  const tokens = new Set(characterBigrams(subject.description));
  const distance = (c: T): number => Math.abs(c.receivedAt.getTime() - subject.receivedAt.getTime());
  return candidates
    .map((candidate) => ({ ...scoreWithTokens(subject, tokens, candidate, policy), candidate }))
    .filter((scored) => scored.suggested)
    .sort(
      (x, y) =>
        y.similarity - x.similarity ||
        distance(x.candidate) - distance(y.candidate) ||
        (x.candidate.id < y.candidate.id ? -1 : x.candidate.id > y.candidate.id ? 1 : 0),
    );
};
