/**
 * Request bodies as trees that may hold what `JSON.stringify` cannot write: raw number tokens (`-0`, `1e309`),
 * pre-built deep nesting, and references to real ids that are resolved just before sending.
 */

/** A JSON token written verbatim (e.g. `-0`, `1e308`, or 1,000 levels of nesting). */
export class Raw {
  constructor(readonly text: string) {}
}

/** A reference field (a uuid, a policy key…): an existing row of the `hint` kind when one is known at send time, else `fallback`. */
export class PoolRef {
  constructor(
    readonly hint: string | undefined,
    readonly pick: number,
    readonly fallback: unknown,
  ) {}
}

export type Node = unknown;

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  !ArrayBuffer.isView(v) &&
  !(v instanceof Raw) &&
  !(v instanceof PoolRef);

/** JSON text of a tree; `undefined` members are left out, as JSON.stringify does. */
export const toJsonText = (v: Node): string => {
  if (v instanceof Raw) return v.text;
  if (v instanceof PoolRef) return toJsonText(v.fallback);
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : toJsonText(x))).join(',')}]`;
  if (isObject(v)) {
    return `{${Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${JSON.stringify(k)}:${toJsonText(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
};

/** Replaces every PoolRef by a concrete id. */
export const resolveRefs = (v: Node, pick: (ref: PoolRef) => unknown): Node => {
  if (v instanceof PoolRef) return pick(v);
  if (v instanceof Raw) return v;
  if (Array.isArray(v)) return v.map((x) => resolveRefs(x, pick));
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveRefs(x, pick)]));
  return v;
};

export type Path = readonly (string | number)[];

/** Every node's path, root first. */
export const pathsOf = (v: Node, at: Path = []): Path[] => {
  const out: Path[] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])));
  else if (isObject(v))
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out.push(...pathsOf(x, [...at, k]));
  return out;
};

export const getAt = (v: Node, path: Path): Node =>
  path.reduce<Node>((n, k) => (n as Record<string | number, unknown>)?.[k], v);

/** A copy of `v` with the node at `path` replaced (or removed when `replacement` is `REMOVE`). */
export const REMOVE = Symbol('remove');
export const setAt = (v: Node, path: Path, replacement: Node | typeof REMOVE): Node => {
  if (path.length === 0) return replacement === REMOVE ? undefined : replacement;
  const [head, ...rest] = path;
  if (Array.isArray(v)) {
    const copy = [...v];
    const i = head as number;
    if (rest.length === 0 && replacement === REMOVE) copy.splice(i, 1);
    else copy[i] = setAt(copy[i], rest, replacement);
    return copy;
  }
  if (isObject(v)) {
    const copy: Record<string, unknown> = { ...v };
    const k = String(head);
    if (rest.length === 0 && replacement === REMOVE) delete copy[k];
    else copy[k] = setAt(copy[k], rest, replacement);
    return copy;
  }
  return v;
};

/** Short text of a case for failure messages: long strings are cut, with their length. */
export const preview = (text: string | undefined, max = 600): string => {
  if (text === undefined) return '(no body)';
  const squeezed = text.replace(/(.)\1{40,}/gsu, (m, c: string) => `${c}…×${m.length}`);
  return squeezed.length > max ? `${squeezed.slice(0, max)}… (${text.length} chars)` : squeezed;
};
