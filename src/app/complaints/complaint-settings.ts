import { sql } from 'drizzle-orm';
import {
  FOOD_CLASSIFICATION_RULES,
  type ClassificationRules,
} from '../../domain/classification/classification-rules';
import { DEFAULT_DUPLICATE_POLICY, type DuplicatePolicy } from '../../domain/classification/score-duplicate';
import { DEFAULT_REVIEW_CHAIN } from '../../domain/complaint/default-review-chain';
import { createBusinessCalendar, type BusinessCalendar } from '../../domain/sla/business-calendar';
import type { SpecialDay, WorkInterval } from '../../domain/sla/business-calendar';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from '../../domain/sla/deadline-policy';
import { settingsStamp } from '../../db/repos/settings-stamp';
import { rowsOf, type Db, type Executor } from '../../db/client';
import { calendarRepo } from '../../db/repos/calendar.repo';
import { policyRepo } from '../../db/repos/policy.repo';

/** A field a preset adds to the complaint form (e.g. VIN and mileage for cars). */
export type CustomFieldDef = {
  readonly key: string;
  readonly label: { readonly 'zh-CN': string; readonly en: string };
  readonly type: 'text' | 'number' | 'date';
  readonly required: boolean;
  readonly pattern?: string;
};

/** Where complaints without a staff reporter land (portal, e-mail in): the customer-service department. */
export type IntakePolicy = { readonly portalDepartmentCode: string | null };

/** KPI points per department (R-KPI-1, R-KPI-2). */
export type KpiPolicy = {
  readonly generalComplaint: number;
  readonly majorComplaint: number;
  readonly lateStep: number;
};

/** Everything the complaint loop decides with, as configured now (policies are data: DOMAIN intro, issue 3 §4). */
export type ComplaintSettings = {
  readonly preset: string;
  readonly calendar: BusinessCalendar;
  readonly deadlinePolicy: DeadlinePolicy;
  readonly classification: ClassificationRules;
  readonly reviewChain: readonly string[];
  readonly escalationChain: readonly string[];
  readonly duplicate: DuplicatePolicy;
  readonly customFields: readonly CustomFieldDef[];
  readonly kpi: KpiPolicy;
  readonly intake: IntakePolicy;
};

/** Policy keys in the `policies` table, with the default used when a key is absent. */
export const POLICY_DEFAULTS = {
  preset: 'food' as string,
  deadline_policy: DEFAULT_DEADLINE_POLICY as DeadlinePolicy,
  classification_rules: FOOD_CLASSIFICATION_RULES as ClassificationRules,
  review_chain: [...DEFAULT_REVIEW_CHAIN] as readonly string[],
  escalation_chain: [
    'assignee',
    'department_manager',
    'service_manager',
    'general_manager',
  ] as readonly string[],
  duplicate_policy: DEFAULT_DUPLICATE_POLICY as DuplicatePolicy,
  custom_fields: [] as readonly CustomFieldDef[],
  kpi: { generalComplaint: -1, majorComplaint: -5, lateStep: -2 } as KpiPolicy,
  intake: { portalDepartmentCode: 'CS' } as IntakePolicy,
} as const;

export type PolicyKey = keyof typeof POLICY_DEFAULTS;

type CalendarDayRecord = { date: string; kind: string; name: string };

/** Builds the business calendar from its stored rows (settings, special days, covered years). */
export const buildCalendar = (
  settings: { timeZone: string; weeklyHours: unknown; makeUpDayHours: unknown } | undefined,
  days: readonly CalendarDayRecord[],
  years: readonly { year: number }[],
): BusinessCalendar => {
  const made = createBusinessCalendar({
    ...(settings && {
      timeZone: settings.timeZone,
      weeklyHours: settings.weeklyHours as Record<number, WorkInterval[]>,
      makeUpDayHours: settings.makeUpDayHours as WorkInterval[],
    }),
    specialDays: days.map((d): SpecialDay => ({
      date: d.date,
      kind: d.kind === 'work' ? 'work' : 'off',
      name: d.name,
    })),
    coveredYears: years.map((y) => y.year),
  });
  if (!made.ok) throw new Error(`stored calendar is invalid: ${JSON.stringify(made.error)}`);
  return made.value;
};

const loadFromDatabase = async (ex: Executor): Promise<ComplaintSettings> => {
  const stored = new Map((await policyRepo.findAll(ex)).map((p) => [p.key, p.value]));
  const get = <K extends PolicyKey>(key: K): (typeof POLICY_DEFAULTS)[K] =>
    (stored.get(key) as (typeof POLICY_DEFAULTS)[K] | undefined) ?? POLICY_DEFAULTS[key];
  const calendar = buildCalendar(
    await calendarRepo.findSettings(ex),
    await calendarRepo.listDays(ex),
    await calendarRepo.listYears(ex),
  );
  return {
    preset: get('preset'),
    calendar,
    deadlinePolicy: get('deadline_policy'),
    classification: get('classification_rules'),
    reviewChain: get('review_chain'),
    escalationChain: get('escalation_chain'),
    duplicate: get('duplicate_policy'),
    customFields: get('custom_fields'),
    kpi: get('kpi'),
    intake: get('intake'),
  };
};

// Keyed by the database handle: one process may talk to several databases (tests, tools).
const cache = new WeakMap<object, { stamp: string; settings: ComplaintSettings }>();

/**
 * The settings in force. Policies and the calendar change rarely but must take effect in every process at once,
 * so each call asks the database one cheap question (versions and counts) and reloads only when the answer moved.
 * A caller that already asked it in one of its own statements passes the answer (`stamp`).
 */
export const loadComplaintSettings = async (
  db: Db,
  ex: Executor = db.reader(),
  stamp?: string,
): Promise<ComplaintSettings> => {
  const current =
    stamp ?? (await rowsOf<{ stamp: string }>(ex, sql`select ${settingsStamp} as stamp`))[0]?.stamp ?? '';
  const hit = cache.get(db);
  if (hit?.stamp === current) return hit.settings;
  const settings = await loadFromDatabase(ex);
  cache.set(db, { stamp: current, settings });
  return settings;
};

/** The settings this process last loaded for `db`, unchecked (a hint: what to read before the check). */
export const lastLoadedComplaintSettings = (db: Db): ComplaintSettings | undefined => cache.get(db)?.settings;
