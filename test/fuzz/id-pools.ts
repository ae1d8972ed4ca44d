import { isObject, type PoolRef } from './json-text';

/** Field names that refer to a row of another kind than their name says. */
const ALIASES: Record<string, string> = {
  assignee: 'user',
  owner: 'user',
  signer: 'user',
  delegate: 'user',
  delegator: 'user',
  reporter: 'user',
  approver: 'user',
  handler: 'user',
  parent: 'department',
  intake_department: 'department',
};

const singular = (word: string): string => {
  if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
  if (/(ch|sh|x|ss)es$/.test(word)) return word.replace(/es$/, '');
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
};

/**
 * The kind of row a field or a path segment names: `productId` → `product`, `complaintIds` → `complaint`,
 * `batch-cases` → `batch-case`, `assigneeId` → `user`. Idempotent, so a kind passes through unchanged.
 */
export const kindOf = (key: string | undefined): string | undefined => {
  if (key === undefined) return undefined;
  const base = key
    .replace(/Ids?$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
  if (base === '' || base === 'id') return undefined;
  const kind = singular(base);
  return ALIASES[kind.replace(/-/g, '_')] ?? kind;
};

/**
 * Ids of rows that exist, by kind, collected from setup and from every successful write, so that generated
 * requests name real complaints, products, cases… and reach past the "not found" check.
 */
export class IdPools {
  private readonly byKind = new Map<string, string[]>();
  private readonly all: string[] = [];
  private readonly excluded = new Set<string>();

  /** Ids never to hand out (the fuzzing users themselves: the fuzzer must not disable its own account). */
  exclude(id: string): void {
    this.excluded.add(id);
  }

  add(kind: string | undefined, value: string): void {
    if (this.excluded.has(value)) return;
    const k = kindOf(kind) ?? 'any';
    const list = this.byKind.get(k) ?? [];
    if (list.includes(value)) return;
    list.push(value);
    this.byKind.set(k, list);
    if (/^[0-9a-f-]{36}$/i.test(value)) this.all.push(value);
  }

  /** A known row of the ref's kind; any known uuid when the kind is unknown; else the generated fallback. */
  resolve(ref: PoolRef): unknown {
    const kind = kindOf(ref.hint);
    const list = (kind && this.byKind.get(kind)) || (kind ? undefined : this.all);
    if (!list || list.length === 0) return ref.fallback;
    return list[ref.pick % list.length];
  }

  /**
   * Takes the ids out of a successful answer: the top-level `id` is a row of the route's kind (the last literal
   * segment of the URL: POST /complaints/:id/compensation/proposals → proposal); nested objects with an `id` are rows
   * of the kind their member names (`complaint: { id }`, `targets: [{ id }]`).
   */
  harvest(url: string, body: unknown): void {
    const segments = url.split('/').filter((s) => s && !s.startsWith(':'));
    const walk = (v: unknown, kind: string | undefined, depth: number) => {
      if (depth > 4) return;
      if (Array.isArray(v)) {
        for (const x of v.slice(0, 20)) walk(x, kind, depth + 1);
        return;
      }
      if (!isObject(v)) return;
      if (typeof v.id === 'string') this.add(kind, v.id);
      for (const [k, x] of Object.entries(v)) if (k !== 'id' && typeof x === 'object') walk(x, k, depth + 1);
    };
    walk(body, segments.at(-1), 0);
  }

  sizes(): Record<string, number> {
    return Object.fromEntries([...this.byKind].map(([k, v]) => [k, v.length]));
  }
}
