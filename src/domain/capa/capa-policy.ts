/**
 * The numbers of corrective and preventive action an administrator may change (policy key `capa_policy`):
 * - `verifyAfterDays` (R-CAPA-3): days of production after `effectiveFrom` watched before an action is verified
 *   effective; a new action takes it unless it gives its own.
 * - `reviewAfterReopens` (R-CAPA-3): an action already reopened this many times goes to the quality review meeting
 *   (质量改进评审会) at its next recurrence instead of being reopened again.
 * - `reopenDueDays` (R-CAPA-1): the new due date of a reopened action, in calendar days from the reopening.
 * - `objectionWindowDays` (R-ESC-3): how long a nonconformity disposal is published for objections (一周).
 */
export type CapaPolicy = {
  readonly verifyAfterDays: number;
  readonly reviewAfterReopens: number;
  readonly reopenDueDays: number;
  readonly objectionWindowDays: number;
};

export const DEFAULT_CAPA_POLICY: CapaPolicy = {
  verifyAfterDays: 90,
  reviewAfterReopens: 2,
  reopenDueDays: 30,
  objectionWindowDays: 7,
};

export type CapaPolicyProblem = { readonly path: string; readonly message: string };

const LIMITS: Readonly<Record<keyof CapaPolicy, readonly [number, number]>> = {
  verifyAfterDays: [1, 730],
  reviewAfterReopens: [0, 10],
  reopenDueDays: [1, 365],
  objectionWindowDays: [1, 60],
};

/** Every problem of a stored `capa_policy` value, with its path; empty when it can be used. */
export const validateCapaPolicy = (value: unknown): CapaPolicyProblem[] => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [{ path: '', message: 'expected an object' }];
  const v = value as Record<string, unknown>;
  const problems: CapaPolicyProblem[] = [];
  for (const key of Object.keys(v))
    if (!Object.hasOwn(LIMITS, key)) problems.push({ path: key, message: 'unknown field' });
  for (const [key, [min, max]] of Object.entries(LIMITS)) {
    const x = v[key];
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max)
      problems.push({ path: key, message: `expected a whole number ${min}…${max}` });
  }
  return problems;
};
