import {
  FOOD_CLASSIFICATION_RULES,
  type ClassificationRules,
} from '../../domain/classification/classification-rules';
import {
  validateKeywordRules,
  type EscalationKeywordRule,
  type KeywordRule,
  type KeywordRuleProblem,
} from '../../domain/classification/keyword-rules';
import {
  validateSeverityTaxonomy,
  type SeverityTaxonomy,
  type SeverityTaxonomyProblem,
} from '../../domain/classification/severity-taxonomy';
import { CUSTOMER_TYPES } from '../../domain/complaint/complaint-vocabulary';
import { assertNever } from '../../domain/shared/assert-never';
import {
  checkBoolean,
  checkInteger,
  checkList,
  checkLocalised,
  checkObject,
  checkText,
  fieldPath,
  isRecord,
  itemPath,
  optional,
  show,
  type PolicyProblem,
} from './policy-problem';

const CODE = /^[a-z][a-z0-9_]{0,39}$/;
const RULE_ID = /^R-[A-Z]+-\d+$/;
const MAX_FEN = 100_000_000_000;
const MAX_COUNT = 1000;

const checkCode = (v: unknown, path: string, what: string): PolicyProblem[] =>
  typeof v === 'string' && CODE.test(v)
    ? []
    : [
        {
          path,
          message: `${what} must be lower-case letters, digits and _ (at most 40), starting with a letter`,
        },
      ];

const checkKeywords = (v: unknown, path: string): PolicyProblem[] =>
  checkList(v, path, 0, 200, (k, p) =>
    typeof k === 'string' && k.length <= 40
      ? []
      : [{ path: p, message: 'expected a keyword of at most 40 characters' }],
  );

const checkClassShape = (c: unknown, path: string): PolicyProblem[] => {
  const problems = checkObject(c, path, [
    'code',
    'label',
    'rank',
    'meaning',
    'examples',
    'special',
    'hintForCustomerTypes',
  ]);
  if (!isRecord(c)) return problems;
  // Blank codes and labels are the domain validator's to report (with the rest of the taxonomy's problems).
  if (typeof c.code !== 'string') problems.push({ path: fieldPath(path, 'code'), message: 'expected text' });
  else if (c.code.trim() !== '') problems.push(...checkCode(c.code, fieldPath(path, 'code'), 'a class code'));
  if (!isRecord(c.label) || typeof c.label['zh-CN'] !== 'string' || typeof c.label.en !== 'string')
    problems.push({ path: fieldPath(path, 'label'), message: 'expected { "zh-CN": …, "en": … }' });
  if (typeof c.rank !== 'number')
    problems.push({ path: fieldPath(path, 'rank'), message: 'expected a number' });
  problems.push(...checkLocalised(c.meaning, fieldPath(path, 'meaning'), 200));
  problems.push(
    ...optional((v, p) => checkList(v, p, 0, 20, (x, q) => checkText(x, q, 100)))(
      c.examples,
      fieldPath(path, 'examples'),
    ),
  );
  problems.push(...optional(checkBoolean)(c.special, fieldPath(path, 'special')));
  problems.push(
    ...optional((v, p) =>
      checkList(v, p, 1, CUSTOMER_TYPES.length, (t, q) =>
        (CUSTOMER_TYPES as readonly unknown[]).includes(t)
          ? []
          : [{ path: q, message: `unknown customer type: ${show(t)}` }],
      ),
    )(c.hintForCustomerTypes, fieldPath(path, 'hintForCustomerTypes')),
  );
  return problems;
};

const checkTaxonomyShape = (t: unknown, path: string): PolicyProblem[] => {
  const problems = checkObject(t, path, ['name', 'classes']);
  if (!isRecord(t)) return problems;
  if (typeof t.name !== 'string') problems.push({ path: fieldPath(path, 'name'), message: 'expected text' });
  return [...problems, ...checkList(t.classes, fieldPath(path, 'classes'), 1, 20, checkClassShape)];
};

const checkKeywordRuleShape = (r: unknown, path: string): PolicyProblem[] => {
  const problems = checkObject(r, path, ['keywords', 'topic', 'nature', 'severity', 'rule']);
  if (!isRecord(r)) return problems;
  problems.push(...checkKeywords(r.keywords, fieldPath(path, 'keywords')));
  problems.push(...checkCode(r.topic, fieldPath(path, 'topic'), 'a topic'));
  for (const f of ['nature', 'severity'] as const)
    if (r[f] !== undefined && typeof r[f] !== 'string')
      problems.push({ path: fieldPath(path, f), message: 'expected text' });
  if (typeof r.rule !== 'string' || !RULE_ID.test(r.rule))
    problems.push({
      path: fieldPath(path, 'rule'),
      message: `cite a rule id like R-CLS-2, not ${show(r.rule)}`,
    });
  return problems;
};

const checkEscalationRuleShape = (r: unknown, path: string): PolicyProblem[] => {
  const problems = checkObject(r, path, ['flag', 'keywords']);
  if (!isRecord(r)) return problems;
  if (typeof r.flag !== 'string') problems.push({ path: fieldPath(path, 'flag'), message: 'expected text' });
  return [...problems, ...checkKeywords(r.keywords, fieldPath(path, 'keywords'))];
};

const taxonomyProblem = (p: SeverityTaxonomyProblem): PolicyProblem => {
  const cls = (i: number) => itemPath('taxonomy.classes', i);
  switch (p.problem) {
    case 'empty_name':
      return { path: 'taxonomy.name', message: 'must not be blank' };
    case 'no_ordinary_class':
      return { path: 'taxonomy.classes', message: 'needs at least one class that is not special' };
    case 'empty_code':
      return { path: fieldPath(cls(p.index), 'code'), message: 'must not be blank' };
    case 'duplicate_code':
      return { path: fieldPath(cls(p.index), 'code'), message: `duplicate code: ${p.code}` };
    case 'empty_label':
      return { path: fieldPath(cls(p.index), `label.${p.locale}`), message: 'must not be blank' };
    case 'invalid_rank':
      return { path: fieldPath(cls(p.index), 'rank'), message: 'rank must be a whole number ≥ 0' };
    default:
      return assertNever(p);
  }
};

const keywordProblem = (list: string, p: KeywordRuleProblem): PolicyProblem => {
  const rule = itemPath(list, p.index);
  switch (p.problem) {
    case 'no_keywords':
      return { path: fieldPath(rule, 'keywords'), message: 'needs at least one keyword' };
    case 'empty_keyword':
      return { path: fieldPath(rule, 'keywords'), message: 'a keyword is blank' };
    case 'unknown_nature':
      return { path: fieldPath(rule, 'nature'), message: `unknown nature: ${p.nature}` };
    case 'unknown_severity':
      return { path: fieldPath(rule, 'severity'), message: `not a class of the taxonomy: ${p.severity}` };
    case 'special_severity':
      return {
        path: fieldPath(rule, 'severity'),
        message: `${p.severity} is special: a person assigns it, never a keyword`,
      };
    case 'unknown_flag':
      return { path: fieldPath(rule, 'flag'), message: `unknown escalation flag: ${p.flag}` };
    default:
      return assertNever(p);
  }
};

const THRESHOLDS: readonly [keyof ClassificationRules, number][] = [
  ['majorClaimThresholdFen', MAX_FEN],
  ['maliciousClaimFloorFen', MAX_FEN],
  ['repeatedRepairThreshold', MAX_COUNT],
  ['frequentComplaintThreshold', MAX_COUNT],
];

// The fields of the built-in rules: a misspelt key is refused rather than stored and ignored.
const FIELDS = Object.keys(FOOD_CLASSIFICATION_RULES);

/**
 * Checks classification rules an administrator sends (R-CLS-1..3, R-MAL-1): the taxonomy (R-CLS-2, codes unique
 * and URL-safe, labels in both languages, at least one ordinary class), keyword rules against that taxonomy and the
 * vocabulary, escalation keywords, and the thresholds (amounts in whole fen ≥ 0, counts whole ≥ 0, the claim
 * multiple a number ≥ 0). Returns every problem.
 */
export const checkClassificationRules = (value: unknown): PolicyProblem[] => {
  const problems = checkObject(value, '', FIELDS);
  if (!isRecord(value)) return problems;
  const taxonomyShape = checkTaxonomyShape(value.taxonomy, 'taxonomy');
  const keywordShape = checkList(value.keywordRules, 'keywordRules', 0, 200, checkKeywordRuleShape);
  const escalationShape = checkList(
    value.escalationKeywordRules,
    'escalationKeywordRules',
    0,
    50,
    checkEscalationRuleShape,
  );
  problems.push(...taxonomyShape, ...keywordShape, ...escalationShape);
  for (const [field, max] of THRESHOLDS) problems.push(...checkInteger(value[field], field, 0, max));
  const multiple = value.maliciousClaimMultiple;
  if (typeof multiple !== 'number' || !Number.isFinite(multiple) || multiple < 0 || multiple > MAX_COUNT)
    problems.push({ path: 'maliciousClaimMultiple', message: `expected a number 0…${MAX_COUNT}` });
  problems.push(...checkBoolean(value.majorWhenCompensationClaimed, 'majorWhenCompensationClaimed'));
  if (taxonomyShape.length > 0) return problems;

  const taxonomy = value.taxonomy as SeverityTaxonomy;
  const checkedTaxonomy = validateSeverityTaxonomy(taxonomy);
  if (!checkedTaxonomy.ok) problems.push(...checkedTaxonomy.error.map(taxonomyProblem));
  if (keywordShape.length === 0)
    problems.push(
      ...validateKeywordRules(value.keywordRules as KeywordRule[], taxonomy).map((p) =>
        keywordProblem('keywordRules', p),
      ),
    );
  if (escalationShape.length === 0)
    problems.push(
      ...validateKeywordRules([], taxonomy, value.escalationKeywordRules as EscalationKeywordRule[]).map(
        (p) => keywordProblem('escalationKeywordRules', p),
      ),
    );
  return problems;
};

/** The class codes of a stored classification policy (empty when it has no readable taxonomy). */
export const severityCodesOf = (value: unknown): string[] => {
  if (!isRecord(value) || !isRecord(value.taxonomy) || !Array.isArray(value.taxonomy.classes)) return [];
  return value.taxonomy.classes.flatMap((c) => (isRecord(c) && typeof c.code === 'string' ? [c.code] : []));
};
