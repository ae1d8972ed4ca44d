import {
  DEFAULT_DEADLINE_POLICY,
  type ClockCondition,
  type DeadlinePolicy,
} from '../../../domain/sla/deadline-policy';

const renameCondition = (c: ClockCondition, rename: (s: string) => string): ClockCondition => ({
  ...c,
  ...(c.severities && { severities: c.severities.map(rename) }),
  ...(c.anyOf && { anyOf: c.anyOf.map((alt) => renameCondition(alt, rename)) }),
});

/**
 * The default deadline policy for a taxonomy with other class codes: each severity the clocks name is renamed
 * (`{ special: 'serious' }`), in conditions and per-severity durations.
 */
export const renameDeadlineSeverities = (
  policy: DeadlinePolicy,
  name: string,
  mapping: Readonly<Record<string, string>>,
): DeadlinePolicy => {
  const rename = (s: string) => mapping[s] ?? s;
  return {
    ...policy,
    name,
    rules: policy.rules.map((r) => ({
      ...r,
      ...(r.appliesTo && { appliesTo: renameCondition(r.appliesTo, rename) }),
      ...(r.durationBySeverity && {
        durationBySeverity: Object.fromEntries(
          Object.entries(r.durationBySeverity).map(([k, v]) => [rename(k), v]),
        ),
      }),
    })),
  };
};

/**
 * The default table for the generic 一般/重要/紧急/严重 taxonomy (appliance, medical, auto, furniture). The
 * "special case" 特殊情况 of seeds 003/004 (resolve in 7 instead of 3 working days, R-SLA-9; returned unit analysed
 * in 72 h, R-SLA-12) is not the food class 特殊 (malicious motive, which the generic taxonomy lacks): it is read as
 * the serious class, whose harm, batch or regulator cases need the longer investigation.
 */
export const GENERIC_DEADLINE_POLICY: DeadlinePolicy = renameDeadlineSeverities(
  DEFAULT_DEADLINE_POLICY,
  'generic',
  {
    special: 'serious',
  },
);
