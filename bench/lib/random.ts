/** A small seeded PRNG (mulberry32): the same seed gives the same reference data on every machine. */
export type Random = {
  /** Uniform in [0, 1). */
  readonly next: () => number;
  /** Uniform integer in [0, n). */
  readonly int: (n: number) => number;
  /** One element, uniformly. */
  readonly pick: <T>(items: readonly T[]) => T;
  /** One element, skewed towards the start of the list (rank r drawn with probability ∝ 1/(r+1)). */
  readonly pickSkewed: <T>(items: readonly T[]) => T;
  /** A UUID version 7 whose time part is `ms` and whose random part comes from this generator. */
  readonly uuid7: (ms: number) => string;
};

export const createRandom = (seed: number): Random => {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const at = <T>(items: readonly T[], i: number): T => {
    const item = items[Math.min(items.length - 1, Math.max(0, i))];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const hex = (digits: number): string => {
    let s = '';
    for (let i = 0; i < digits; i += 1) s += int(16).toString(16);
    return s;
  };
  return {
    next,
    int,
    pick: (items) => at(items, int(items.length)),
    pickSkewed: (items) => at(items, Math.floor(Math.exp(next() * Math.log(items.length + 1))) - 1),
    uuid7: (ms) => {
      const t = Math.floor(ms).toString(16).padStart(12, '0');
      const variant = '89ab'[int(4)] ?? '8';
      return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
    },
  };
};
