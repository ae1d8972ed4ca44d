export type Percentiles = {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
};

/** Nearest-rank percentiles of a sample (milliseconds in, milliseconds out, rounded to microseconds). */
export const percentiles = (sample: readonly number[]): Percentiles => {
  const sorted = [...sample].sort((x, y) => x - y);
  const n = sorted.length;
  const at = (p: number): number =>
    n === 0 ? Number.NaN : (sorted[Math.max(0, Math.ceil((p / 100) * n) - 1)] ?? 0);
  const round = (ms: number): number => Math.round(ms * 1000) / 1000;
  const mean = n === 0 ? Number.NaN : sorted.reduce((s, x) => s + x, 0) / n;
  return {
    n,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(at(100)),
    mean: round(mean),
  };
};

/** Milliseconds since `start` (a `process.hrtime.bigint()` reading). */
export const msSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
