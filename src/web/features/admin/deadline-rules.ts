import type { ClockRule, DeadlinePolicy } from '../../../domain/sla/deadline-policy';
import { validateDeadlinePolicy } from '../../../domain/sla/validate-deadline-policy';

export type Problem = { readonly path: string; readonly message: string };

/** A value the rules table can edit: a deadline policy with a list of rules (else only the JSON editor). */
export const isDeadlinePolicy = (v: unknown): v is DeadlinePolicy =>
  typeof v === 'object' && v !== null && Array.isArray((v as { rules?: unknown }).rules);

/** The same check the server runs (R-SLA table rules), minus the taxonomy cross-check, for feedback while typing. */
export const localProblems = (v: unknown): Problem[] => {
  if (!isDeadlinePolicy(v)) return [{ path: 'rules', message: 'expected a list of clock rules' }];
  const r = validateDeadlinePolicy(v);
  return r.ok ? [] : [...r.error.problems];
};

/** Problems by rule index (`rules[3].stopOn` → 3), to mark the rows. */
export const problemsByRow = (problems: readonly Problem[]): Map<number, Problem[]> => {
  const out = new Map<number, Problem[]>();
  for (const p of problems) {
    const m = /^(?:deadline_policy\.)?rules\[(\d+)\]/.exec(p.path);
    if (!m) continue;
    const i = Number(m[1]);
    out.set(i, [...(out.get(i) ?? []), p]);
  }
  return out;
};

/** A new clock with a free R-SLA id, counting 24 h from registration until resolution. */
export const newRule = (rules: readonly ClockRule[]): ClockRule => {
  const used = rules
    .map((r) => /^R-SLA-(\d+)/.exec(r.kind)?.[1])
    .map(Number)
    .filter(Number.isFinite);
  const n = Math.max(14, ...used) + 1;
  return {
    kind: `R-SLA-${n}`,
    label: { 'zh-CN': '新时限', en: 'New deadline' },
    startOn: ['registered'],
    stopOn: ['resolved'],
    duration: { mode: 'wall', minutes: 24 * 60 },
    warnAtShare: 0.75,
    escalates: true,
    pausesWhileWaiting: false,
  };
};

export const replaceRule = (policy: DeadlinePolicy, index: number, rule: ClockRule): DeadlinePolicy => ({
  ...policy,
  rules: policy.rules.map((r, i) => (i === index ? rule : r)),
});

export const pretty = (v: unknown): string => JSON.stringify(v, null, 2);
