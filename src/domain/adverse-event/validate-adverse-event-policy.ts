import {
  ADVERSE_EVENT_TYPES,
  CONFIDENCES,
  REPORT_FORMS,
  type AdverseEventType,
} from './adverse-event-policy';

/** One fault in an adverse-event policy, with the path of the offending field (`regulations[1].reportKinds[0]`). */
export type AdverseEventPolicyProblem = { readonly path: string; readonly message: string };

type Problems = AdverseEventPolicyProblem[];

const CODE = /^[A-Z]{2,3}-[A-Z0-9]{2,12}$/;
const KIND = /^[a-z][a-z0-9_]{0,39}$/;
const PRODUCT_CODE = /^[!-~]{1,64}$/;
/** Event types opened automatically from the injury answer (R-AE-1): every regulation must say what they need. */
const AUTOMATIC: readonly AdverseEventType[] = ['death', 'serious_injury'];
const MAX_AMOUNT = { hours: 720, calendar_days: 365, work_days: 120 } as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (base: string, key: string): string => (base === '' ? key : `${base}.${key}`);
const show = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined'));

const checkFields = (o: Record<string, unknown>, allowed: readonly string[], path: string): Problems =>
  Object.keys(o)
    .filter((k) => !allowed.includes(k))
    .map((k) => ({ path: at(path, k), message: `unknown field; expected one of ${allowed.join(', ')}` }));

const checkText = (v: unknown, path: string, max: number): Problems =>
  typeof v === 'string' && v.trim() !== '' && v.length <= max
    ? []
    : [{ path, message: `expected text of 1…${max} characters` }];

const checkLabel = (v: unknown, path: string): Problems =>
  isRecord(v)
    ? [...checkText(v['zh-CN'], at(path, 'zh-CN'), 120), ...checkText(v.en, at(path, 'en'), 120)]
    : [{ path, message: 'expected { "zh-CN": …, "en": … }' }];

const checkDuration = (v: unknown, path: string): Problems => {
  if (!isRecord(v)) return [{ path, message: 'expected { unit, amount }' }];
  const unit = v.unit;
  if (unit !== 'hours' && unit !== 'calendar_days' && unit !== 'work_days')
    return [{ path: at(path, 'unit'), message: 'expected hours, calendar_days or work_days' }];
  const problems = checkFields(
    v,
    unit === 'work_days' ? ['unit', 'amount', 'calendar'] : ['unit', 'amount'],
    path,
  );
  const amount = v.amount;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > MAX_AMOUNT[unit])
    problems.push({ path: at(path, 'amount'), message: `expected a whole number 1…${MAX_AMOUNT[unit]}` });
  if (unit === 'work_days' && v.calendar !== 'company' && v.calendar !== 'weekdays')
    problems.push({ path: at(path, 'calendar'), message: 'expected company or weekdays' });
  return problems;
};

const checkReportKind = (v: unknown, path: string): Problems => {
  if (!isRecord(v)) return [{ path, message: 'expected an object' }];
  const problems = checkFields(v, ['kind', 'label', 'appliesTo', 'duration', 'source', 'confidence'], path);
  if (typeof v.kind !== 'string' || !KIND.test(v.kind))
    problems.push({
      path: at(path, 'kind'),
      message: 'lower-case letters, digits and _, starting with a letter',
    });
  problems.push(...checkLabel(v.label, at(path, 'label')));
  const types: unknown = v.appliesTo;
  if (!Array.isArray(types) || types.length === 0)
    problems.push({ path: at(path, 'appliesTo'), message: 'expected a non-empty list of event types' });
  else
    types.forEach((t: unknown, i) => {
      if (!(ADVERSE_EVENT_TYPES as readonly unknown[]).includes(t) || types.indexOf(t) !== i)
        problems.push({
          path: `${at(path, 'appliesTo')}[${i}]`,
          message: `unknown or repeated event type ${show(t)}; one of ${ADVERSE_EVENT_TYPES.join(', ')}`,
        });
    });
  problems.push(...checkDuration(v.duration, at(path, 'duration')));
  problems.push(...checkText(v.source, at(path, 'source'), 300));
  if (!(CONFIDENCES as readonly unknown[]).includes(v.confidence))
    problems.push({ path: at(path, 'confidence'), message: `expected one of ${CONFIDENCES.join(', ')}` });
  return problems;
};

const checkRegulation = (v: unknown, path: string): Problems => {
  if (!isRecord(v)) return [{ path, message: 'expected an object' }];
  const problems = checkFields(v, ['code', 'label', 'form', 'reportKinds'], path);
  if (typeof v.code !== 'string' || !CODE.test(v.code))
    problems.push({ path: at(path, 'code'), message: 'expected a code such as CN-NMPA' });
  problems.push(...checkLabel(v.label, at(path, 'label')));
  if (v.form !== null && !(REPORT_FORMS as readonly unknown[]).includes(v.form))
    problems.push({ path: at(path, 'form'), message: `expected null or one of ${REPORT_FORMS.join(', ')}` });
  const kinds = v.reportKinds;
  if (!Array.isArray(kinds) || kinds.length === 0 || kinds.length > 20) {
    problems.push({ path: at(path, 'reportKinds'), message: 'expected a list of 1…20 report kinds' });
    return problems;
  }
  kinds.forEach((k, i) => problems.push(...checkReportKind(k, `${at(path, 'reportKinds')}[${i}]`)));
  const names = kinds.map((k) => (isRecord(k) ? k.kind : undefined));
  names.forEach((n, i) => {
    if (typeof n === 'string' && names.indexOf(n) !== i)
      problems.push({ path: `${at(path, 'reportKinds')}[${i}].kind`, message: `duplicate kind ${n}` });
  });
  for (const type of AUTOMATIC)
    if (!kinds.some((k) => isRecord(k) && Array.isArray(k.appliesTo) && k.appliesTo.includes(type)))
      problems.push({
        path: at(path, 'reportKinds'),
        message: `no report kind applies to ${type}: every regulation must say what a ${type} needs (R-AE-2)`,
      });
  return problems;
};

const checkCodes = (v: unknown, path: string, known: readonly string[], min: number): Problems => {
  if (!Array.isArray(v) || v.length < min || v.length > 20)
    return [{ path, message: `expected a list of ${min}…20 regulation codes` }];
  return v.flatMap((c, i) =>
    typeof c === 'string' && known.includes(c) && v.indexOf(c) === i
      ? []
      : [
          {
            path: `${path}[${i}]`,
            message: `unknown or repeated regulation ${show(c)}; one of ${known.join(', ')}`,
          },
        ],
  );
};

/**
 * Every problem of an adverse-event policy an administrator wants to store (R-AE-2; empty = valid): regulations with
 * unique codes, each with 1…20 report kinds (unique kind, label in both languages, known event types, a duration in
 * hours ≤ 720, calendar days ≤ 365 or work days ≤ 120 on the `company` or `weekdays` calendar, a source and a LAW.md
 * confidence) that cover death and serious injury; `jurisdictions` (at least one) and `productJurisdictions`
 * naming known regulations only.
 */
export const validateAdverseEventPolicy = (v: unknown): readonly AdverseEventPolicyProblem[] => {
  if (!isRecord(v)) return [{ path: '', message: 'expected an object' }];
  const problems = checkFields(v, ['version', 'jurisdictions', 'productJurisdictions', 'regulations'], '');
  if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1)
    problems.push({ path: 'version', message: 'expected a whole number from 1' });
  const regs = v.regulations;
  if (!Array.isArray(regs) || regs.length === 0 || regs.length > 20) {
    problems.push({ path: 'regulations', message: 'expected a list of 1…20 regulations' });
    return problems;
  }
  regs.forEach((r, i) => problems.push(...checkRegulation(r, `regulations[${i}]`)));
  const codes = regs.map((r) => (isRecord(r) && typeof r.code === 'string' ? r.code : ''));
  codes.forEach((c, i) => {
    if (c !== '' && codes.indexOf(c) !== i)
      problems.push({ path: `regulations[${i}].code`, message: `duplicate code ${c}` });
  });
  const known = codes.filter((c) => c !== '');
  problems.push(...checkCodes(v.jurisdictions, 'jurisdictions', known, 1));
  const perProduct = v.productJurisdictions;
  if (!isRecord(perProduct))
    problems.push({ path: 'productJurisdictions', message: 'expected { "<product code>": ["US-FDA", …] }' });
  else {
    const entries = Object.entries(perProduct);
    if (entries.length > 1000)
      problems.push({ path: 'productJurisdictions', message: 'at most 1000 products' });
    for (const [code, list] of entries) {
      if (!PRODUCT_CODE.test(code))
        problems.push({ path: `productJurisdictions.${code}`, message: 'not a product code' });
      problems.push(...checkCodes(list, `productJurisdictions.${code}`, known, 0));
    }
  }
  return problems;
};
