import type {
  Channel,
  ComplaintKind,
  CustomerType,
  EscalationFlag,
  Injury,
  Nature,
  Scope,
} from '../complaint/complaint-vocabulary';
import type { RuleHit } from '../shared/rule-hit';
import type { ClassificationRules } from './classification-rules';
import type { KeywordRule } from './keyword-rules';
import { rankOrdinaryClasses, type SeverityClass } from './severity-taxonomy';
import { normaliseText } from './tokenise-text';

/** What the suggestion reads from an intake form (and two counts the caller looks up). */
export type ClassificationInput = {
  readonly description: string;
  readonly kind: ComplaintKind;
  readonly injury: Injury;
  readonly flags: readonly EscalationFlag[];
  readonly claimedAmountFen: number | null;
  readonly productPriceFen: number | null;
  /** Earlier complaints on the same unit (serial/VIN, else customer + product) in the last 90 days. */
  readonly priorComplaintsSameUnit90d: number;
  /** Earlier complaints by the same customer (person, phone or address) in the last 90 days (R-MAL-1). */
  readonly priorComplaintsSameCustomer90d: number;
  readonly scope: Scope;
  readonly channel: Channel;
  readonly customerType: CustomerType;
};

/** Why a complaint is suggested as major (R-CLS-3). */
export type MajorTrigger =
  | 'escalation_flag'
  | 'escalation_text'
  | 'injury'
  | 'safety'
  | 'large_claim'
  | 'compensation_claimed'
  | 'repeated_repairs'
  | 'regulator_or_media';

/** R-MAL-1 signals. They never decide anything: they tell staff to follow the R-MAL-2 protocol. */
export type MaliciousSignal =
  'claim_far_above_value' | 'claim_above_threshold' | 'threat_to_publish' | 'frequent_complainer';

/** A suggestion a person confirms (`decideClassification`); never applied on its own. */
export type ClassificationSuggestion = {
  readonly nature: Nature | null;
  /** A code of the taxonomy; null when nothing in the form points at a class. */
  readonly severity: string | null;
  readonly major: boolean;
  readonly majorTriggers: readonly MajorTrigger[];
  readonly misuseSuspected: boolean;
  readonly maliciousSignals: readonly MaliciousSignal[];
  /** Escalation flags the description mentions but the form does not carry: staff should tick them. */
  readonly suggestedFlags: readonly EscalationFlag[];
  readonly reasons: readonly RuleHit[];
};

/** Kinds that report a problem with the product; inquiries, suggestions and praise do not. */
const REPORTS_A_PROBLEM: ReadonlySet<ComplaintKind> = new Set(['complaint', 'internal_report']);
const OFFICIAL: ReadonlySet<string> = new Set(['regulator', 'media']);

const forMatching = (text: string): string => normaliseText(text).replace(/\s/gu, '');

const matchedWords = (text: string, keywords: readonly string[]): readonly string[] =>
  keywords.filter((k) => {
    const key = forMatching(k);
    return key !== '' && text.includes(key);
  });

type Match = { readonly rule: KeywordRule; readonly words: readonly string[]; readonly rank: number };

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/**
 * Suggests a classification for an intake form. The system suggests; a person confirms (issue 3, §2).
 * - R-CLS-1/R-CLS-2 keywords: every keyword rule whose words occur in the description (substring match on
 *   NFKC-folded, lower-cased text without spaces) is cited. The severity is the highest-ranked ordinary class
 *   any matched rule names; the nature is the first one named by a matched rule of that top rank (table order),
 *   so a price remark does not outvote a hair in the biscuit. Special classes (R-MAL) are never suggested.
 * - Harm: any injury answer but `none` makes the nature safety and the severity the top class (food 严重:
 *   给顾客造成伤害). For problem reports, batch scope and a regulator or the media (channel, customer type or
 *   flag) also raise the severity to the top class (food 严重: 批量性投诉、职能部门的抽检、媒体投诉).
 * - Inquiries, suggestions and praise default to the lowest class and are never major, except that an injury
 *   makes them major too (safety beats the kind; a reason says to re-register as a complaint). Internal reports
 *   are classified like complaints: they report real nonconformities (ISO 13485).
 * - R-CLS-3 major triggers, each cited: an escalation flag, an escalation the text mentions, injury, safety
 *   nature, claim ≥ `majorClaimThresholdFen`, any claim when `majorWhenCompensationClaimed`, prior complaints
 *   on the same unit ≥ `repeatedRepairThreshold`, regulator or media as channel or customer type.
 * - R-CLS-6: a matched misuse keyword sets `misuseSuspected`.
 * - R-MAL-1 signals: claim > `majorClaimThresholdFen`; claim > max(price × `maliciousClaimMultiple`,
 *   `maliciousClaimFloorFen`); a threat to publish (flag or text); prior complaints by the customer ≥
 *   `frequentComplaintThreshold`.
 * - R-CLS-2 retail hint: a class whose `hintForCustomerTypes` holds the customer type is pointed out.
 */
export const suggestClassification = (
  input: ClassificationInput,
  rules: ClassificationRules,
): ClassificationSuggestion => {
  const text = forMatching(input.description);
  const reasons: RuleHit[] = [];
  const ordinary = rankOrdinaryClasses(rules.taxonomy);
  const rankOf = new Map(ordinary.map((c) => [c.code, c.rank]));
  const reportsProblem = REPORTS_A_PROBLEM.has(input.kind);

  const matches: Match[] = rules.keywordRules
    .map((rule) => ({
      rule,
      words: matchedWords(text, rule.keywords),
      rank: rule.severity === undefined ? -1 : (rankOf.get(rule.severity) ?? -1),
    }))
    .filter((m) => m.words.length > 0);
  for (const m of matches)
    reasons.push({ rule: m.rule.rule, detail: `keyword ${m.rule.topic}: ${m.words.join('、')}` });

  const topRank = Math.max(-1, ...matches.map((m) => m.rank));
  const atTop = matches.filter((m) => m.rank === topRank);
  let nature: Nature | null = atTop.find((m) => m.rule.nature !== undefined)?.rule.nature ?? null;
  let severity: SeverityClass | null =
    ordinary.find((c) => c.rank === topRank && atTop.some((m) => m.rule.severity === c.code)) ?? null;
  const misuseSuspected = matches.some((m) => m.rule.nature === 'misuse');
  if (misuseSuspected) reasons.push({ rule: 'R-CLS-6', detail: 'misuse suspected: explanation within 24 h' });

  const lowest = ordinary[0] ?? null;
  const highest = ordinary.at(-1) ?? null;
  const raiseTo = (target: SeverityClass | null, why: string): void => {
    if (target === null) return;
    if (severity === null || target.rank > severity.rank) severity = target;
    reasons.push({ rule: 'R-CLS-2', detail: `${why} → ${target.code}` });
  };

  if (!reportsProblem && lowest !== null) {
    severity = lowest;
    reasons.push({ rule: 'R-CLS-2', detail: `kind ${input.kind}: no problem reported → ${lowest.code}` });
  }
  if (input.injury !== 'none') {
    nature = 'safety';
    reasons.push({ rule: 'R-CLS-1', detail: `injury ${input.injury} → safety` });
    raiseTo(highest, `injury ${input.injury}`);
  }
  const officialFlags = input.flags.filter((f) => f === 'media' || f === 'regulator');
  const official = OFFICIAL.has(input.channel) || OFFICIAL.has(input.customerType);
  if (reportsProblem) {
    if (input.scope === 'batch') raiseTo(highest, 'batch scope');
    if (official) raiseTo(highest, `channel ${input.channel}, customer ${input.customerType}`);
    for (const f of officialFlags) raiseTo(highest, `flag ${f}`);
  }

  const suggestedFlags = unique(
    rules.escalationKeywordRules
      .filter((r) => !input.flags.includes(r.flag) && matchedWords(text, r.keywords).length > 0)
      .map((r) => r.flag),
  );
  for (const flag of suggestedFlags) {
    const words = rules.escalationKeywordRules
      .filter((r) => r.flag === flag)
      .flatMap((r) => matchedWords(text, r.keywords));
    reasons.push({ rule: 'R-CLS-3', detail: `text suggests flag ${flag}: ${unique(words).join('、')}` });
  }

  const claimed = input.claimedAmountFen ?? 0;
  const triggers: MajorTrigger[] = [];
  const trigger = (t: MajorTrigger, detail: string): void => {
    triggers.push(t);
    reasons.push({ rule: 'R-CLS-3', detail: `major: ${detail}` });
  };
  if (input.injury !== 'none') trigger('injury', `injury ${input.injury}`);
  if (reportsProblem) {
    for (const f of input.flags) trigger('escalation_flag', `flag ${f}`);
    for (const f of suggestedFlags) trigger('escalation_text', `text mentions ${f}`);
    if (nature === 'safety') trigger('safety', 'safety nature');
    if (claimed >= rules.majorClaimThresholdFen) {
      trigger('large_claim', `claim ${claimed} fen >= ${rules.majorClaimThresholdFen} fen`);
    }
    if (rules.majorWhenCompensationClaimed && claimed > 0)
      trigger('compensation_claimed', `claim ${claimed} fen`);
    if (input.priorComplaintsSameUnit90d >= rules.repeatedRepairThreshold) {
      trigger(
        'repeated_repairs',
        `${input.priorComplaintsSameUnit90d} prior complaints on the unit in 90 days`,
      );
    }
    if (official) trigger('regulator_or_media', `channel ${input.channel}, customer ${input.customerType}`);
  } else if (input.injury !== 'none') {
    reasons.push({
      rule: 'R-CLS-3',
      detail: `injury reported on a ${input.kind}: re-register as a complaint`,
    });
  }

  const signals: MaliciousSignal[] = [];
  const signal = (s: MaliciousSignal, detail: string): void => {
    signals.push(s);
    reasons.push({ rule: 'R-MAL-1', detail });
  };
  if (claimed > rules.majorClaimThresholdFen) {
    signal('claim_above_threshold', `claim ${claimed} fen > ${rules.majorClaimThresholdFen} fen`);
  }
  if (input.productPriceFen !== null && input.productPriceFen > 0) {
    const limit = Math.max(
      input.productPriceFen * rules.maliciousClaimMultiple,
      rules.maliciousClaimFloorFen,
    );
    if (claimed > limit) {
      signal(
        'claim_far_above_value',
        `claim ${claimed} fen > ${limit} fen (${rules.maliciousClaimMultiple}× price, floor)`,
      );
    }
  }
  if (input.flags.includes('threat_to_publish') || suggestedFlags.includes('threat_to_publish')) {
    signal('threat_to_publish', 'threat to publish');
  }
  if (input.priorComplaintsSameCustomer90d >= rules.frequentComplaintThreshold) {
    signal(
      'frequent_complainer',
      `${input.priorComplaintsSameCustomer90d} prior complaints by the customer in 90 days`,
    );
  }

  for (const c of rules.taxonomy.classes) {
    if (c.hintForCustomerTypes?.includes(input.customerType)) {
      reasons.push({
        rule: 'R-CLS-2',
        detail: `customer ${input.customerType}: consider class ${c.code} (${c.label['zh-CN']})`,
      });
    }
  }

  const majorTriggers = unique(triggers);
  const chosen: SeverityClass | null = severity;
  return {
    nature,
    severity: chosen === null ? null : chosen.code,
    major: majorTriggers.length > 0,
    majorTriggers,
    misuseSuspected,
    maliciousSignals: unique(signals),
    suggestedFlags,
    reasons,
  };
};
