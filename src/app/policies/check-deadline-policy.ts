import type { DeadlinePolicy } from '../../domain/sla/deadline-policy';
import { validateDeadlinePolicy } from '../../domain/sla/validate-deadline-policy';
import { checkObject, fieldPath, isRecord, itemPath, type PolicyProblem } from './policy-problem';

const CONDITION_LISTS = ['kinds', 'severities', 'natures', 'channels', 'injury', 'scopes'] as const;
const EVENT_LISTS = ['startOn', 'stopOn', 'restartOn'] as const;
const MAX_RULES = 100;
const MAX_CONDITION_DEPTH = 4;

const checkTextList = (v: unknown, path: string, what: string): PolicyProblem[] => {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return [{ path, message: `expected a list of ${what}` }];
  return v.flatMap((x, i) =>
    typeof x === 'string' ? [] : [{ path: itemPath(path, i), message: `expected ${what} as text` }],
  );
};

const checkOptionalText = (v: unknown, path: string): PolicyProblem[] =>
  v === undefined || typeof v === 'string' ? [] : [{ path, message: 'expected text' }];

const checkDurationShape = (d: unknown, path: string): PolicyProblem[] =>
  isRecord(d) ? checkOptionalText(d.mode, fieldPath(path, 'mode')) : [];

const checkConditionShape = (c: unknown, path: string, depth: number): PolicyProblem[] => {
  const problems = checkObject(c, path);
  if (!isRecord(c)) return problems;
  for (const list of CONDITION_LISTS)
    problems.push(...checkTextList(c[list], fieldPath(path, list), 'values'));
  for (const flag of ['major', 'receivedOutsideCustomerService'] as const)
    if (c[flag] !== undefined && typeof c[flag] !== 'boolean')
      problems.push({ path: fieldPath(path, flag), message: 'expected true or false' });
  if (c.anyOf === undefined) return problems;
  if (!Array.isArray(c.anyOf))
    return [...problems, { path: fieldPath(path, 'anyOf'), message: 'expected a list' }];
  if (depth >= MAX_CONDITION_DEPTH)
    return [...problems, { path: fieldPath(path, 'anyOf'), message: 'conditions nest too deep' }];
  return [
    ...problems,
    ...c.anyOf.flatMap((alt, i) =>
      checkConditionShape(alt, itemPath(fieldPath(path, 'anyOf'), i), depth + 1),
    ),
  ];
};

const checkRuleShape = (r: unknown, path: string): PolicyProblem[] => {
  const problems = checkObject(r, path);
  if (!isRecord(r)) return problems;
  if (typeof r.kind !== 'string')
    problems.push({ path: fieldPath(path, 'kind'), message: 'a clock needs a kind (text)' });
  problems.push(...checkOptionalText(r.rule, fieldPath(path, 'rule')));
  problems.push(...checkOptionalText(r.countFrom, fieldPath(path, 'countFrom')));
  for (const list of EVENT_LISTS) problems.push(...checkTextList(r[list], fieldPath(path, list), 'events'));
  problems.push(...checkDurationShape(r.duration, fieldPath(path, 'duration')));
  for (const map of ['durationBySeverity', 'durationByScope'] as const) {
    const byClass = r[map];
    if (byClass === undefined) continue;
    if (!isRecord(byClass))
      problems.push({ path: fieldPath(path, map), message: 'expected an object keyed by class' });
    else
      for (const [key, spec] of Object.entries(byClass))
        problems.push(...checkDurationShape(spec, fieldPath(fieldPath(path, map), key)));
  }
  if (r.appliesTo !== undefined)
    problems.push(...checkConditionShape(r.appliesTo, fieldPath(path, 'appliesTo'), 0));
  return problems;
};

/**
 * The shape the domain validator relies on (objects where it reads fields, lists where it iterates, text where it
 * quotes a value in a message), so a malformed value is answered with its paths instead of crashing the check.
 */
const checkShape = (value: unknown): PolicyProblem[] => {
  const problems = checkObject(value, '');
  if (!isRecord(value)) return problems;
  if (!Array.isArray(value.rules))
    return [...problems, { path: 'rules', message: 'expected a list of clock rules' }];
  if (value.rules.length > MAX_RULES) return [{ path: 'rules', message: `at most ${MAX_RULES} clocks` }];
  return [...problems, ...value.rules.flatMap((r, i) => checkRuleShape(r, itemPath('rules', i)))];
};

/**
 * Checks a deadline policy an administrator sends (DOMAIN §5, issue 3 §4): its shape, then every rule of
 * `validateDeadlinePolicy`, with the severity classes of the taxonomy it will run with. Returns every problem.
 */
export const checkDeadlinePolicy = (value: unknown, severities: readonly string[]): PolicyProblem[] => {
  const shape = checkShape(value);
  if (shape.length > 0) return shape;
  const checked = validateDeadlinePolicy(value as DeadlinePolicy, { severities });
  return checked.ok ? [] : checked.error.problems.map((p) => ({ path: p.path, message: p.message }));
};

/**
 * The severity classes a stored deadline policy names (conditions and per-severity durations), with their paths,
 * so a taxonomy change can refuse to drop a class the clocks still use.
 */
export const findDeadlineSeverityRefs = (value: unknown): { path: string; severity: string }[] => {
  if (!isRecord(value) || !Array.isArray(value.rules)) return [];
  const refs: { path: string; severity: string }[] = [];
  const visit = (c: unknown, path: string, depth: number): void => {
    if (!isRecord(c) || depth > MAX_CONDITION_DEPTH) return;
    if (Array.isArray(c.severities))
      c.severities.forEach((s, i) => {
        if (typeof s === 'string')
          refs.push({ path: itemPath(fieldPath(path, 'severities'), i), severity: s });
      });
    if (Array.isArray(c.anyOf))
      c.anyOf.forEach((alt, i) => visit(alt, itemPath(fieldPath(path, 'anyOf'), i), depth + 1));
  };
  value.rules.forEach((r, i) => {
    if (!isRecord(r)) return;
    const path = itemPath('rules', i);
    if (isRecord(r.durationBySeverity))
      for (const severity of Object.keys(r.durationBySeverity))
        refs.push({ path: fieldPath(fieldPath(path, 'durationBySeverity'), severity), severity });
    visit(r.appliesTo, fieldPath(path, 'appliesTo'), 0);
  });
  return refs;
};
