import { validateAdverseEventPolicy } from '../../domain/adverse-event/validate-adverse-event-policy';
import { validateCapaPolicy } from '../../domain/capa/capa-policy';
import { validateCompensationPolicy } from '../../domain/compensation/validate-compensation-policy';
import { isRole, ROLES } from '../../domain/identity/roles';
import { assertNever } from '../../domain/shared/assert-never';
import { checkClassificationRules, severityCodesOf } from './check-classification-rules';
import { checkDeadlinePolicy, findDeadlineSeverityRefs } from './check-deadline-policy';
import type { PolicyName } from './policy-catalogue';
import {
  checkBoolean,
  checkInteger,
  checkList,
  checkLocalised,
  checkObject,
  fieldPath,
  isRecord,
  show,
  type PolicyProblem,
} from './policy-problem';

export type PolicyInvalid = {
  readonly code: 'POLICY_INVALID' | 'DEADLINE_POLICY_INVALID';
  readonly problems: readonly PolicyProblem[];
};

/** The other policies that will be in force with the value, for the checks that span two keys. */
export type PoliciesInForce = { readonly classificationRules: unknown; readonly deadlinePolicy: unknown };

const PRESET = /^[a-z][a-z0-9_-]{0,39}$/;
const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const CUSTOM_FIELD_TYPES = ['text', 'number', 'date'] as const;
const MAX_CHAIN = 10;
const DEPARTMENT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const checkRole = (v: unknown, path: string): PolicyProblem[] =>
  typeof v === 'string' && isRole(v)
    ? []
    : [{ path, message: `unknown role: ${show(v)}; one of ${ROLES.join(', ')}` }];

/** R-ESC-2: who proposes after each rejection; a role may recur (two different department managers). */
const checkReviewChain = (v: unknown): PolicyProblem[] => checkList(v, '', 1, MAX_CHAIN, checkRole);

/** R-ESC-1: one level up per breach, so no level twice; `assignee` (the owner) may only be where it starts. */
const checkEscalationChain = (v: unknown): PolicyProblem[] => {
  const problems = checkList(v, '', 1, MAX_CHAIN, (x, path, i) =>
    i === 0 && x === 'assignee'
      ? []
      : x === 'assignee'
        ? [{ path, message: 'assignee can only be the first level' }]
        : checkRole(x, path),
  );
  if (Array.isArray(v))
    v.forEach((x, i) => {
      if (v.indexOf(x) !== i)
        problems.push({ path: `[${i}]`, message: `${show(x)} is already level ${v.indexOf(x)}` });
    });
  return problems;
};

/** R-INT-3 duplicate window: whole days 1…365, similarity in (0, 1]. */
const checkDuplicatePolicy = (v: unknown): PolicyProblem[] => {
  const problems = checkObject(v, '', ['windowDays', 'minTextSimilarity']);
  if (!isRecord(v)) return problems;
  problems.push(...checkInteger(v.windowDays, 'windowDays', 1, 365));
  const s = v.minTextSimilarity;
  if (typeof s !== 'number' || !(s > 0 && s <= 1))
    problems.push({ path: 'minTextSimilarity', message: 'expected a number above 0 and at most 1' });
  return problems;
};

const checkPattern = (v: unknown, path: string): PolicyProblem[] => {
  if (typeof v !== 'string' || v.length === 0 || v.length > 300)
    return [{ path, message: 'expected a regular expression of 1…300 characters' }];
  try {
    new RegExp(v);
    return [];
  } catch (e) {
    return [{ path, message: `does not compile: ${e instanceof Error ? e.message : String(e)}` }];
  }
};

const checkCustomField = (f: unknown, path: string): PolicyProblem[] => {
  const problems = checkObject(f, path, ['key', 'label', 'type', 'required', 'pattern']);
  if (!isRecord(f)) return problems;
  if (typeof f.key !== 'string' || !FIELD_KEY.test(f.key))
    problems.push({
      path: fieldPath(path, 'key'),
      message: 'lower-case letters, digits and _ (at most 40), starting with a letter',
    });
  problems.push(...checkLocalised(f.label, fieldPath(path, 'label'), 40));
  if (!(CUSTOM_FIELD_TYPES as readonly unknown[]).includes(f.type))
    problems.push({
      path: fieldPath(path, 'type'),
      message: `expected one of ${CUSTOM_FIELD_TYPES.join(', ')}`,
    });
  problems.push(...checkBoolean(f.required, fieldPath(path, 'required')));
  if (f.pattern !== undefined) {
    problems.push(...checkPattern(f.pattern, fieldPath(path, 'pattern')));
    if (f.type !== 'text')
      problems.push({ path: fieldPath(path, 'pattern'), message: 'a pattern applies to text fields only' });
  }
  return problems;
};

/** Fields a preset adds to the complaint form: keys unique and code-safe, labels in both languages. */
const checkCustomFields = (v: unknown): PolicyProblem[] => {
  const problems = checkList(v, '', 0, 30, checkCustomField);
  if (Array.isArray(v)) {
    const keys = v.map((f) => (isRecord(f) ? f.key : undefined));
    keys.forEach((k, i) => {
      if (typeof k === 'string' && keys.indexOf(k) !== i)
        problems.push({ path: `[${i}].key`, message: `duplicate key: ${k}` });
    });
  }
  return problems;
};

/** R-KPI-1/2 points per complaint and per late step: whole numbers (usually negative). */
const checkKpi = (v: unknown): PolicyProblem[] => {
  const problems = checkObject(v, '', ['generalComplaint', 'majorComplaint', 'lateStep']);
  if (!isRecord(v)) return problems;
  for (const k of ['generalComplaint', 'majorComplaint', 'lateStep'] as const)
    problems.push(...checkInteger(v[k], k, -1000, 1000));
  return problems;
};

/** R-BAT-2/3 rates as shares of the units shipped (0.003 = 3‰); the special report is the higher one. */
const checkBatchThresholds = (v: unknown): PolicyProblem[] => {
  const counts = ['regionalCaseCount', 'regionalWindowDays', 'repeatedComplaintCount', 'repeatedSpanDays'];
  const problems = checkObject(v, '', ['abnormalityReportRate', 'specialReportRate', ...counts]);
  if (!isRecord(v)) return problems;
  const rates = ['abnormalityReportRate', 'specialReportRate'] as const;
  for (const k of rates) {
    const r = v[k];
    // Rates are compared exactly as decimals (R-BAT-1) and stored with 8 decimal places on the reports.
    if (typeof r !== 'number' || !(r > 0 && r <= 1) || Math.round(r * 1e8) / 1e8 !== r)
      problems.push({ path: k, message: 'expected a share above 0 and at most 1, at most 8 decimal places' });
  }
  // R-BAT-4 regional concentration and R-BAT-3 repetition: optional, whole numbers.
  for (const k of counts)
    if (v[k] !== undefined) problems.push(...checkInteger(v[k], k, 1, k.endsWith('Days') ? 3650 : 10_000));
  if (problems.length === 0 && (v.abnormalityReportRate as number) > (v.specialReportRate as number))
    problems.push({ path: 'specialReportRate', message: 'must not be below abnormalityReportRate' });
  return problems;
};

/** Where portal and e-mail complaints land: a department code, or null for none. */
const checkIntake = (v: unknown): PolicyProblem[] => {
  const problems = checkObject(v, '', ['portalDepartmentCode']);
  if (!isRecord(v)) return problems;
  const code = v.portalDepartmentCode;
  if (code !== null && (typeof code !== 'string' || !DEPARTMENT_CODE.test(code)))
    problems.push({ path: 'portalDepartmentCode', message: 'expected a department code or null' });
  return problems;
};

/** A new taxonomy must keep every class the deadline policy in force still names. */
const checkTaxonomyKeepsDeadlineClasses = (value: unknown, deadlinePolicy: unknown): PolicyProblem[] => {
  const codes = severityCodesOf(value);
  return findDeadlineSeverityRefs(deadlinePolicy)
    .filter((ref) => !codes.includes(ref.severity))
    .map((ref) => ({
      path: `deadline_policy.${ref.path}`,
      message: `the deadline policy in force uses severity ${ref.severity}, which this taxonomy drops; change the deadline policy first`,
    }));
};

/**
 * Every problem of a policy value an administrator or a preset wants to store, by key (policies as data, DOMAIN
 * intro): undefined when it may be stored. Deadline policies answer DEADLINE_POLICY_INVALID (the domain's code),
 * every other key POLICY_INVALID; paths are relative to the value.
 */
export const findPolicyProblems = (
  key: PolicyName,
  value: unknown,
  inForce: PoliciesInForce,
): PolicyInvalid | undefined => {
  const invalid = (
    problems: PolicyProblem[],
    code: PolicyInvalid['code'] = 'POLICY_INVALID',
  ): PolicyInvalid | undefined => (problems.length === 0 ? undefined : { code, problems });
  switch (key) {
    case 'preset':
      return invalid(
        typeof value === 'string' && PRESET.test(value)
          ? []
          : [{ path: '(value)', message: 'expected a preset name such as food' }],
      );
    case 'deadline_policy':
      return invalid(
        checkDeadlinePolicy(value, severityCodesOf(inForce.classificationRules)),
        'DEADLINE_POLICY_INVALID',
      );
    case 'classification_rules': {
      const problems = checkClassificationRules(value);
      return invalid(
        problems.length > 0 ? problems : checkTaxonomyKeepsDeadlineClasses(value, inForce.deadlinePolicy),
      );
    }
    case 'review_chain':
      return invalid(checkReviewChain(value));
    case 'escalation_chain':
      return invalid(checkEscalationChain(value));
    case 'duplicate_policy':
      return invalid(checkDuplicatePolicy(value));
    case 'custom_fields':
      return invalid(checkCustomFields(value));
    case 'kpi':
      return invalid(checkKpi(value));
    case 'intake':
      return invalid(checkIntake(value));
    case 'batch_thresholds':
      return invalid(checkBatchThresholds(value));
    case 'compensation_policy':
      return invalid(validateCompensationPolicy(value).map((p) => ({ ...p, path: p.path || '(value)' })));
    case 'capa_policy':
      return invalid(validateCapaPolicy(value).map((p) => ({ ...p, path: p.path || '(value)' })));
    case 'adverse_event_policy':
      return invalid(validateAdverseEventPolicy(value).map((p) => ({ ...p, path: p.path || '(value)' })));
    default:
      return assertNever(key);
  }
};
