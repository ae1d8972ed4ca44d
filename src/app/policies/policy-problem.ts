/** One fault in a policy value, with the path of the offending field (`rules[3].duration.minutes`). */
export type PolicyProblem = { readonly path: string; readonly message: string };

/** A JSON object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value quoted in a message: text as is, anything else as JSON (never throws on parsed JSON). */
export const show = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined'));

export const fieldPath = (base: string, key: string): string => (base === '' ? key : `${base}.${key}`);
export const itemPath = (base: string, index: number): string => `${base}[${index}]`;
const at = (path: string): string => (path === '' ? '(value)' : path);

/** An object, and no fields beyond `allowed` (a typo in a key would otherwise be silently ignored). */
export const checkObject = (v: unknown, path: string, allowed?: readonly string[]): PolicyProblem[] => {
  if (!isRecord(v)) return [{ path: at(path), message: 'expected an object' }];
  if (!allowed) return [];
  return Object.keys(v)
    .filter((k) => !allowed.includes(k))
    .map((k) => ({
      path: fieldPath(path, k === '' ? '""' : k),
      message: `unknown field; expected one of ${allowed.join(', ')}`,
    }));
};

export const checkText = (v: unknown, path: string, max: number): PolicyProblem[] => {
  if (typeof v !== 'string') return [{ path: at(path), message: 'expected text' }];
  if (v.trim() === '') return [{ path: at(path), message: 'must not be blank' }];
  return v.length > max ? [{ path: at(path), message: `at most ${max} characters` }] : [];
};

/** A text in zh-CN and en, both required (the console is Chinese first, English second). */
export const checkLocalised = (v: unknown, path: string, max: number): PolicyProblem[] => {
  if (!isRecord(v)) return [{ path: at(path), message: 'expected { "zh-CN": …, "en": … }' }];
  return [
    ...checkText(v['zh-CN'], fieldPath(path, 'zh-CN'), max),
    ...checkText(v.en, fieldPath(path, 'en'), max),
  ];
};

export const checkInteger = (v: unknown, path: string, min: number, max: number): PolicyProblem[] =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
    ? []
    : [{ path: at(path), message: `expected a whole number ${min}…${max}` }];

export const checkBoolean = (v: unknown, path: string): PolicyProblem[] =>
  typeof v === 'boolean' ? [] : [{ path: at(path), message: 'expected true or false' }];

/** A list of `min`…`max` items; the item checks run only when it is one. */
export const checkList = (
  v: unknown,
  path: string,
  min: number,
  max: number,
  item: (x: unknown, path: string, index: number) => PolicyProblem[],
): PolicyProblem[] => {
  if (!Array.isArray(v)) return [{ path: at(path), message: 'expected a list' }];
  if (v.length < min)
    return [{ path: at(path), message: min === 1 ? 'must not be empty' : `at least ${min} items` }];
  if (v.length > max) return [{ path: at(path), message: `at most ${max} items` }];
  return v.flatMap((x, i) => item(x, itemPath(path, i), i));
};

/** An optional field: checked only when present. */
export const optional =
  (check: (v: unknown, path: string) => PolicyProblem[]) =>
  (v: unknown, path: string): PolicyProblem[] =>
    v === undefined ? [] : check(v, path);
