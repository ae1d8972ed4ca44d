import {
  APPROVER_ROLES,
  COMPENSATION_KINDS,
  FOOD_CASES,
  PROBLEM_LEVELS,
  type CompensationPolicy,
  type OptionTemplate,
} from './compensation-policy';

/** One fault in a compensation policy, with the path of the offending field (`foodMatrix[2].options[0].multiple`). */
export type CompensationProblem = { readonly path: string; readonly message: string };

const MAX_FEN = 10_000_000_000;
const POLICY_FIELDS = [
  'version',
  'currency',
  'foodMatrix',
  'levels',
  'approvalBands',
  'cashApprovers',
  'majorApprover',
  'beyondMatrixApprover',
  'siteCheckAboveFen',
  'parallelApprovers',
  'rank',
  'tiers',
  'caps',
];
const OPTION_FIELDS = [
  'kind',
  'multiple',
  'maxMultiple',
  'multipleBySeverity',
  'fixedFen',
  'plusLosses',
  'approvers',
];

/** A typo in a field name would otherwise be silently ignored. */
const checkFields = (
  o: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
): CompensationProblem[] =>
  Object.keys(o)
    .filter((k) => !allowed.includes(k))
    .map((k) => ({ path: path === '' ? k : `${path}.${k}`, message: 'unknown field' }));

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isFen = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_FEN;
const isMultiple = (v: unknown, max: number): boolean =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max;
const isRole = (v: unknown): boolean => (APPROVER_ROLES as readonly unknown[]).includes(v);
const isKind = (v: unknown): boolean => (COMPENSATION_KINDS as readonly unknown[]).includes(v);

const checkRoles = (v: unknown, path: string, required: boolean): CompensationProblem[] => {
  if (v === undefined && !required) return [];
  if (!Array.isArray(v)) return [{ path, message: 'expected a list of approver roles' }];
  if (required && v.length === 0) return [{ path, message: 'at least one approver is needed' }];
  return v.flatMap((r, i) =>
    isRole(r) ? [] : [{ path: `${path}[${i}]`, message: `unknown approver role: ${String(r)}` }],
  );
};

const checkOption = (o: unknown, path: string, maxMultiple: number): CompensationProblem[] => {
  if (!isRecord(o)) return [{ path, message: 'expected an option' }];
  const t = o as Partial<OptionTemplate>;
  const problems = checkFields(o, OPTION_FIELDS, path);
  if (!isKind(t.kind)) problems.push({ path: `${path}.kind`, message: `unknown kind: ${String(t.kind)}` });
  if (!isMultiple(t.multiple, maxMultiple))
    problems.push({ path: `${path}.multiple`, message: `multiple must be a number 0…${maxMultiple}` });
  if (t.maxMultiple !== undefined) {
    if (!isMultiple(t.maxMultiple, maxMultiple))
      problems.push({
        path: `${path}.maxMultiple`,
        message: `maxMultiple must be a number 0…${maxMultiple}`,
      });
    else if (typeof t.multiple === 'number' && t.maxMultiple < t.multiple)
      problems.push({ path: `${path}.maxMultiple`, message: 'maxMultiple must not be below multiple' });
  }
  if (t.multipleBySeverity !== undefined) {
    if (!isRecord(t.multipleBySeverity))
      problems.push({ path: `${path}.multipleBySeverity`, message: 'expected severity → multiple' });
    else
      for (const [sev, m] of Object.entries(t.multipleBySeverity))
        if (!isMultiple(m, maxMultiple))
          problems.push({
            path: `${path}.multipleBySeverity.${sev}`,
            message: `multiple must be a number 0…${maxMultiple}`,
          });
  }
  if (t.fixedFen !== undefined && !isFen(t.fixedFen))
    problems.push({
      path: `${path}.fixedFen`,
      message: 'fixedFen must be a whole, non-negative number of fen',
    });
  if (t.plusLosses !== undefined && typeof t.plusLosses !== 'boolean')
    problems.push({ path: `${path}.plusLosses`, message: 'expected true or false' });
  problems.push(...checkRoles(t.approvers, `${path}.approvers`, false));
  return problems;
};

const checkOptions = (v: unknown, path: string, maxMultiple: number): CompensationProblem[] => {
  if (!Array.isArray(v)) return [{ path, message: 'expected a list of options' }];
  if (v.length === 0)
    return [{ path, message: 'at least one option is needed (use apology for "no compensation")' }];
  return v.flatMap((o, i) => checkOption(o, `${path}[${i}]`, maxMultiple));
};

const checkFoodMatrix = (v: unknown, maxMultiple: number): CompensationProblem[] => {
  if (!Array.isArray(v)) return [{ path: 'foodMatrix', message: 'expected a list of rows' }];
  const problems: CompensationProblem[] = [];
  const seen = new Set<unknown>();
  v.forEach((row, i) => {
    const path = `foodMatrix[${i}]`;
    if (!isRecord(row)) return problems.push({ path, message: 'expected a row' });
    if (!(FOOD_CASES as readonly unknown[]).includes(row.case))
      problems.push({ path: `${path}.case`, message: `unknown food case: ${String(row.case)}` });
    else if (seen.has(row.case))
      problems.push({ path: `${path}.case`, message: `duplicate food case: ${String(row.case)}` });
    seen.add(row.case);
    problems.push(...checkOptions(row.options, `${path}.options`, maxMultiple));
  });
  for (const c of FOOD_CASES)
    if (!seen.has(c)) problems.push({ path: 'foodMatrix', message: `missing row for food case: ${c}` });
  return problems;
};

const checkBands = (v: unknown): CompensationProblem[] => {
  if (!Array.isArray(v)) return [{ path: 'approvalBands', message: 'expected a list of bands' }];
  if (v.length === 0) return [{ path: 'approvalBands', message: 'at least one band is needed' }];
  const problems: CompensationProblem[] = [];
  let previous = -1;
  v.forEach((b, i) => {
    const path = `approvalBands[${i}]`;
    if (!isRecord(b)) return problems.push({ path, message: 'expected a band' });
    if (!isFen(b.aboveFen))
      problems.push({ path: `${path}.aboveFen`, message: 'aboveFen must be whole fen ≥ 0' });
    else if ((b.aboveFen as number) <= previous)
      problems.push({ path: `${path}.aboveFen`, message: 'bands must be in strictly ascending order' });
    else previous = b.aboveFen as number;
    if (!isRole(b.role))
      problems.push({ path: `${path}.role`, message: `unknown approver role: ${String(b.role)}` });
  });
  return problems;
};

const checkRank = (v: unknown): CompensationProblem[] => {
  if (!Array.isArray(v)) return [{ path: 'rank', message: 'expected a list of kinds' }];
  const problems: CompensationProblem[] = v.flatMap((k, i) =>
    isKind(k) ? [] : [{ path: `rank[${i}]`, message: `unknown kind: ${String(k)}` }],
  );
  for (const k of COMPENSATION_KINDS) {
    const n = v.filter((x) => x === k).length;
    if (n !== 1) problems.push({ path: 'rank', message: `${k} must appear exactly once (found ${n})` });
  }
  if (v.indexOf('company_products') > v.indexOf('cash'))
    problems.push({ path: 'rank', message: 'company_products must rank before cash (R-RES-4)' });
  return problems;
};

/** Parallel groups: lists of known roles, each role in at most one group. */
const checkParallel = (v: unknown): CompensationProblem[] => {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return [{ path: 'parallelApprovers', message: 'expected a list of role groups' }];
  const seen = new Set<unknown>();
  return v.flatMap((group, i): CompensationProblem[] => {
    const path = `parallelApprovers[${i}]`;
    if (!Array.isArray(group) || group.length < 2)
      return [{ path, message: 'a parallel group lists at least two roles' }];
    return group.flatMap((r, j): CompensationProblem[] => {
      if (!isRole(r)) return [{ path: `${path}[${j}]`, message: `unknown approver role: ${String(r)}` }];
      if (seen.has(r)) return [{ path: `${path}[${j}]`, message: `${String(r)} is in two groups` }];
      seen.add(r);
      return [];
    });
  });
};

/**
 * Validates a compensation policy an administrator edited (or a draft sent to simulate) and returns EVERY problem
 * with its path; an empty list means the policy is usable. Checks: version, currency, one row per food case
 * (R-RES-3), options for each level (R-RES-2), multiples within `caps.maxMultiple`, ascending bands with known
 * roles (R-APR-1), no unknown fields, a non-empty cash approver list and company products ranked before cash (R-RES-4), tier
 * multiples ≥ 1 (R-RES-6, "above standard"), and amounts in whole non-negative fen.
 */
export const validateCompensationPolicy = (policy: unknown): readonly CompensationProblem[] => {
  if (!isRecord(policy)) return [{ path: '', message: 'expected a policy object' }];
  const p = policy as Partial<Record<keyof CompensationPolicy, unknown>>;
  const problems = checkFields(policy, POLICY_FIELDS, '');
  if (typeof p.version !== 'number' || !Number.isInteger(p.version) || p.version < 1)
    problems.push({ path: 'version', message: 'version must be a whole number ≥ 1' });
  if (p.currency !== 'CNY') problems.push({ path: 'currency', message: 'only CNY is supported' });
  const caps = isRecord(p.caps) ? p.caps : {};
  if (!isRecord(p.caps)) problems.push({ path: 'caps', message: 'expected caps' });
  if (!isMultiple(caps.maxMultiple, 100) || caps.maxMultiple === 0)
    problems.push({
      path: 'caps.maxMultiple',
      message: 'maxMultiple must be a number above 0 and at most 100',
    });
  if (!isFen(caps.thankYouFen))
    problems.push({ path: 'caps.thankYouFen', message: 'thankYouFen must be whole fen ≥ 0' });
  const maxMultiple = isMultiple(caps.maxMultiple, 100) ? (caps.maxMultiple as number) : 100;
  problems.push(...checkFoodMatrix(p.foodMatrix, maxMultiple));
  if (!isRecord(p.levels)) problems.push({ path: 'levels', message: 'expected options per problem level' });
  else
    for (const level of PROBLEM_LEVELS)
      problems.push(...checkOptions(p.levels[level], `levels.${level}`, maxMultiple));
  problems.push(...checkBands(p.approvalBands));
  problems.push(...checkRoles(p.cashApprovers, 'cashApprovers', true));
  for (const key of ['majorApprover', 'beyondMatrixApprover'] as const)
    if (!isRole(p[key])) problems.push({ path: key, message: `unknown approver role: ${String(p[key])}` });
  if (!isFen(p.siteCheckAboveFen))
    problems.push({ path: 'siteCheckAboveFen', message: 'must be whole fen ≥ 0' });
  problems.push(...checkParallel(p.parallelApprovers));
  problems.push(...checkRank(p.rank));
  if (!isRecord(p.tiers))
    problems.push({ path: 'tiers', message: 'expected long_term and key_account rules' });
  else
    for (const tier of ['long_term', 'key_account'] as const) {
      const t = p.tiers[tier];
      if (!isRecord(t)) problems.push({ path: `tiers.${tier}`, message: 'expected a tier rule' });
      else {
        if (!isMultiple(t.multiple, maxMultiple) || (t.multiple as number) < 1)
          problems.push({
            path: `tiers.${tier}.multiple`,
            message: `multiple must be 1…${maxMultiple} (R-RES-6)`,
          });
        if (typeof t.futureOrderDiscount !== 'boolean')
          problems.push({ path: `tiers.${tier}.futureOrderDiscount`, message: 'expected true or false' });
      }
    }
  return problems;
};
