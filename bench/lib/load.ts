import os from 'node:os';
import { percentiles, type Percentiles } from './stats';

export type LoadResult = {
  /** Requests that completed (errors excluded). */
  readonly completed: number;
  readonly errors: number;
  /** The first few error messages, for the report. */
  readonly errorSamples: readonly string[];
  readonly seconds: number;
  /** Completed requests per second over the whole run. */
  readonly throughput: number;
  readonly latency: Percentiles;
  readonly concurrency: number;
  /** 1-minute load average before and after the run (other work on the machine skews figures). */
  readonly loadAverage: readonly [number, number];
  /** CPU time of this process per completed request (user + system), ms. */
  readonly clientCpuMsPerRequest: number;
};

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Runs `task(i)` for i = 0 … count-1 with `concurrency` callers in flight at all times (a closed loop: each
 * caller starts its next request when the previous one answered), timing each call.
 */
export const runClosedLoop = async (
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
  /** Receives every latency (ms), e.g. to merge several runs (mergeRuns). */
  sink?: number[],
): Promise<LoadResult> => {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  const load0 = os.loadavg()[0] ?? 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const caller = async () => {
    for (;;) {
      const i = next;
      next += 1;
      if (i >= count) return;
      const s = performance.now();
      try {
        await task(i);
        latencies.push(performance.now() - s);
        sink?.push(performance.now() - s);
      } catch (e) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(e instanceof Error ? e.message : String(e));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, caller));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    completed: latencies.length,
    errors,
    errorSamples,
    seconds: round2(seconds),
    throughput: round2(latencies.length / seconds),
    latency: percentiles(latencies),
    concurrency,
    loadAverage: [round2(load0), round2(os.loadavg()[0] ?? 0)],
    clientCpuMsPerRequest: round2((cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length)),
  };
};

/** Several closed-loop runs as one: all latencies, throughput over the summed time. */
export const mergeRuns = (runs: readonly LoadResult[], latencies: readonly number[]): LoadResult => {
  const completed = runs.reduce((s, r) => s + r.completed, 0);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  return {
    completed,
    errors: runs.reduce((s, r) => s + r.errors, 0),
    errorSamples: runs.flatMap((r) => r.errorSamples).slice(0, 5),
    seconds: round2(seconds),
    throughput: round2(completed / Math.max(seconds, 0.001)),
    latency: percentiles(latencies),
    concurrency: runs[0]?.concurrency ?? 0,
    loadAverage: [runs[0]?.loadAverage[0] ?? 0, runs[runs.length - 1]?.loadAverage[1] ?? 0],
    clientCpuMsPerRequest: round2(
      runs.reduce((s, r) => s + r.clientCpuMsPerRequest * r.completed, 0) / Math.max(1, completed),
    ),
  };
};
