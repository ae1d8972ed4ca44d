import { COMPLAINT_EVENT_TYPES, type ComplaintEventType } from '../complaint/complaint-status';
import { CHANNELS, COMPLAINT_KINDS, INJURY_LEVELS, NATURES, SCOPES } from '../complaint/complaint-vocabulary';
import type { Result } from '../shared/result';
import { err, ok } from '../shared/result';
import type { DurationSpec } from './compute-due-at';
import { isTerminalEvent, PAUSE_EVENTS, type ClockCondition, type DeadlinePolicy } from './deadline-policy';
import type { SlaError, SlaProblem } from './sla-error-code';

export type PolicyValidationOptions = {
  /** The severity classes of the company's taxonomy (R-CLS-2); when given, severities outside it are refused. */
  readonly severities?: readonly string[];
};

const RULE_ID = /^R-[A-Z]+-\d+$/;
const MAX_MINUTES = 366 * 24 * 60;
const MAX_DAYS = 366;

const isPositiveInt = (n: unknown, max: number): boolean =>
  typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= max;
const isNonNegativeInt = (n: unknown, max: number): boolean =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;
const isText = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;

const checkDuration = (spec: DurationSpec | undefined, path: string): SlaProblem[] => {
  if (!spec || typeof spec !== 'object') return [{ path, message: 'missing duration' }];
  switch (spec.mode) {
    case 'wall':
    case 'working':
      return isPositiveInt(spec.minutes, MAX_MINUTES)
        ? []
        : [{ path: `${path}.minutes`, message: `minutes must be a whole number 1…${MAX_MINUTES}` }];
    case 'working_days':
    case 'legal_days':
      return isPositiveInt(spec.days, MAX_DAYS)
        ? []
        : [{ path: `${path}.days`, message: `days must be a whole number 1…${MAX_DAYS}` }];
    case 'window_days':
      return isNonNegativeInt(spec.fromDays, MAX_DAYS) &&
        isNonNegativeInt(spec.toDays, MAX_DAYS) &&
        spec.fromDays <= spec.toDays
        ? []
        : [{ path, message: `window needs whole days 0 ≤ fromDays ≤ toDays ≤ ${MAX_DAYS}` }];
    default:
      return [{ path: `${path}.mode`, message: `unknown mode: ${String((spec as { mode: unknown }).mode)}` }];
  }
};

const checkList = (
  values: readonly unknown[] | undefined,
  allowed: readonly unknown[] | undefined,
  path: string,
): SlaProblem[] => {
  if (values === undefined) return [];
  if (!Array.isArray(values)) return [{ path, message: 'expected a list' }];
  if (values.length === 0)
    return [{ path, message: 'an empty list matches nothing; leave the field out instead' }];
  if (!allowed) return [];
  return values.flatMap((v, i) =>
    allowed.includes(v) ? [] : [{ path: `${path}[${i}]`, message: `unknown value: ${String(v)}` }],
  );
};

const checkCondition = (c: ClockCondition, path: string, options: PolicyValidationOptions): SlaProblem[] => [
  ...checkList(c.kinds, COMPLAINT_KINDS, `${path}.kinds`),
  ...checkList(c.severities, options.severities, `${path}.severities`),
  ...checkList(c.natures, NATURES, `${path}.natures`),
  ...checkList(c.channels, CHANNELS, `${path}.channels`),
  ...checkList(c.injury, INJURY_LEVELS, `${path}.injury`),
  ...checkList(c.scopes, SCOPES, `${path}.scopes`),
  ...checkList(c.anyOf, undefined, `${path}.anyOf`),
  ...(c.anyOf ?? []).flatMap((alt, i) => checkCondition(alt, `${path}.anyOf[${i}]`, options)),
];

const checkEvents = (
  events: readonly ComplaintEventType[] | undefined,
  path: string,
  required: boolean,
  terminalAllowed: boolean,
): SlaProblem[] => {
  if (events === undefined) return required ? [{ path, message: 'at least one event is needed' }] : [];
  if (!Array.isArray(events) || (required && events.length === 0))
    return [{ path, message: 'at least one event is needed' }];
  return events.flatMap((e, i): SlaProblem[] => {
    const at = `${path}[${i}]`;
    if (!COMPLAINT_EVENT_TYPES.includes(e)) return [{ path: at, message: `unknown event: ${String(e)}` }];
    if (PAUSE_EVENTS.includes(e)) return [{ path: at, message: `${e} pauses and resumes clocks only` }];
    if (!terminalAllowed && isTerminalEvent(e))
      return [{ path: at, message: `${e} ends the complaint; no clock can start there` }];
    return [];
  });
};

/**
 * Checks a deadline policy an administrator edited (DOMAIN §5: every number is a configurable default) before it
 * is saved or used, and lists every problem with its path: missing name or version; duplicate clock kinds; a rule id
 * that is not `R-XXX-n`; missing labels; unknown events; a clock that starts on a terminal event (those cancel
 * clocks) or on a pause event; a clock that stops on its own start or restart event; durations that are not whole
 * positive minutes/days or a window with fromDays > toDays; overrides for unknown scopes (or severities, when the
 * taxonomy is given); empty or unknown values in `appliesTo`; `warnAtShare` outside 0…1 (R-ESC-1).
 */
export const validateDeadlinePolicy = (
  policy: DeadlinePolicy,
  options: PolicyValidationOptions = {},
): Result<DeadlinePolicy, SlaError> => {
  const problems: SlaProblem[] = [];
  if (!isText(policy.name)) problems.push({ path: 'name', message: 'a policy needs a name' });
  if (!isPositiveInt(policy.version, Number.MAX_SAFE_INTEGER))
    problems.push({ path: 'version', message: 'version must be a positive whole number' });
  if (!Array.isArray(policy.rules)) {
    problems.push({ path: 'rules', message: 'expected a list of clock rules' });
    return err({ code: 'DEADLINE_POLICY_INVALID', problems });
  }
  const seen = new Set<string>();
  policy.rules.forEach((r, i) => {
    const p = `rules[${i}]`;
    if (!isText(r.kind)) problems.push({ path: `${p}.kind`, message: 'a clock needs a kind' });
    else if (seen.has(r.kind)) problems.push({ path: `${p}.kind`, message: `duplicate kind: ${r.kind}` });
    else seen.add(r.kind);
    const ruleId = r.rule ?? r.kind;
    if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId))
      problems.push({ path: `${p}.rule`, message: `cite a rule id like R-SLA-9, not ${String(ruleId)}` });
    if (!isText(r.label?.['zh-CN']) || !isText(r.label?.en))
      problems.push({ path: `${p}.label`, message: 'labels in zh-CN and en are required' });
    problems.push(...checkEvents(r.startOn, `${p}.startOn`, true, false));
    problems.push(...checkEvents(r.stopOn, `${p}.stopOn`, true, true));
    problems.push(...checkEvents(r.restartOn, `${p}.restartOn`, false, false));
    if (r.countFrom !== undefined)
      problems.push(
        ...checkEvents([r.countFrom], `${p}.countFrom`, true, false).map((x) => ({
          ...x,
          path: `${p}.countFrom`,
        })),
      );
    const stops = Array.isArray(r.stopOn) ? r.stopOn : [];
    for (const e of [...(r.startOn ?? []), ...(r.restartOn ?? [])])
      if (stops.includes(e))
        problems.push({ path: `${p}.stopOn`, message: `${e} both starts and stops the clock` });
    problems.push(...checkDuration(r.duration, `${p}.duration`));
    for (const [key, spec] of Object.entries<DurationSpec>(r.durationBySeverity ?? {})) {
      problems.push(...checkDuration(spec, `${p}.durationBySeverity.${key}`));
      if (options.severities && !options.severities.includes(key))
        problems.push({ path: `${p}.durationBySeverity.${key}`, message: `unknown severity: ${key}` });
    }
    for (const [key, spec] of Object.entries<DurationSpec>(r.durationByScope ?? {})) {
      problems.push(...checkDuration(spec, `${p}.durationByScope.${key}`));
      if (!(SCOPES as readonly string[]).includes(key))
        problems.push({ path: `${p}.durationByScope.${key}`, message: `unknown scope: ${key}` });
    }
    if (r.appliesTo !== undefined) problems.push(...checkCondition(r.appliesTo, `${p}.appliesTo`, options));
    if (typeof r.warnAtShare !== 'number' || !(r.warnAtShare >= 0 && r.warnAtShare <= 1))
      problems.push({ path: `${p}.warnAtShare`, message: 'warnAtShare must be between 0 and 1' });
    for (const flag of ['escalates', 'pausesWhileWaiting'] as const)
      if (typeof r[flag] !== 'boolean')
        problems.push({ path: `${p}.${flag}`, message: 'expected true or false' });
    if (r.agreedDueAt !== undefined && typeof r.agreedDueAt !== 'boolean')
      problems.push({ path: `${p}.agreedDueAt`, message: 'expected true or false' });
  });
  return problems.length > 0 ? err({ code: 'DEADLINE_POLICY_INVALID', problems }) : ok(policy);
};
