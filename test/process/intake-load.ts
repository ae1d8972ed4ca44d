import { callApi, type Credentials } from './staff-api';

const DESCRIPTIONS = [
  '打开雪饼包装后发现里面有一根头发，孩子差点吃下去，要求退款并道歉。',
  '面包里吃出一小块硬物，牙齿硌得很疼，请尽快处理',
  '牛奶还没过期就已经结块发酸了，整箱都是这样',
  '快递送到时外箱破损，里面的罐头瘪了两个',
  '薯片袋子里只有半袋，分量明显不足',
  'Found a small piece of plastic in the cereal box, please refund.',
];

/** Where a request's marker is written: the description ends with it, so each key's complaints can be counted. */
export const markerOf = (run: string, i: number): string => `LOAD-${run}-${String(i).padStart(6, '0')}`;

/**
 * An intake body for request `i` of a run: a hotline complaint from a distinct customer (phone), with the run's
 * marker at the end of the description. Every 9th reports a minor injury (an adverse event is opened in the same
 * transaction, R-AE-1), so a half-written intake would show in more tables.
 */
export const intakeBody = (
  run: string,
  i: number,
  product: { id?: string; name?: string; batchNo?: string } = {},
): Record<string, unknown> => ({
  channel: i % 3 === 0 ? 'api' : 'hotline',
  customer: {
    name: `顾客${i}`,
    phone: `139${String(i).padStart(8, '0')}`,
    type: 'consumer',
  },
  product: {
    ...(product.id ? { id: product.id } : { name: product.name ?? '旺旺雪饼 520g', code: 'XB-520G' }),
    batchNo: product.batchNo ?? `2026${String(1 + (i % 5)).padStart(2, '0')}01A`,
  },
  problem: {
    description: `${DESCRIPTIONS[i % DESCRIPTIONS.length] ?? ''}（${markerOf(run, i)}）`,
    scope: 'single_unit',
  },
  demands: ['refund'],
  injury: i % 9 === 4 ? 'minor' : 'none',
});

export type IntakeOutcome = {
  readonly i: number;
  readonly key: string;
  /** Which server the request went to (index into the list of base URLs). */
  readonly server: number;
  readonly ms: number;
} & (
  | {
      readonly kind: 'answered';
      readonly status: number;
      readonly replayed: boolean;
      readonly id: string | undefined;
      readonly number: string | undefined;
      readonly body: unknown;
    }
  | { readonly kind: 'no_answer'; readonly error: string }
);

export type LoadOptions = {
  readonly run: string;
  /** The servers to spread requests over (round robin per request). */
  readonly servers: readonly (() => string)[];
  readonly who: Credentials;
  readonly concurrency: number;
  /** Request numbers to send, in order. */
  readonly indices: readonly number[];
  readonly body?: (i: number) => Record<string, unknown>;
  /** Called after each answer; return true to stop starting new requests (those in flight still finish). */
  readonly onOutcome?: (o: IntakeOutcome, all: readonly IntakeOutcome[]) => boolean | void;
  readonly timeoutMs?: number;
  /**
   * When this gives a number of milliseconds for a request, the client gives up on it after that long, as a caller
   * whose timeout is shorter than the server's answer: the server may never read the body, or go on and commit
   * with nobody to hear the answer.
   */
  readonly abandonAfterMs?: (i: number) => number | undefined;
};

export const keyOf = (run: string, i: number): string => `intake-${run}-${i}`;

/**
 * Runs intake requests `concurrency` at a time, each with its own `Idempotency-Key`, and records every outcome:
 * an answer (status, id, number, whether it was a replay) or no answer at all (connection refused or reset).
 */
export const runIntakeLoad = async (options: LoadOptions): Promise<IntakeOutcome[]> => {
  const outcomes: IntakeOutcome[] = [];
  let next = 0;
  let stopped = false;
  const body = options.body ?? ((i: number) => intakeBody(options.run, i));
  const worker = async () => {
    while (!stopped && next < options.indices.length) {
      const n = next;
      next += 1;
      const i = options.indices[n] ?? 0;
      const server = n % options.servers.length;
      const key = keyOf(options.run, i);
      const started = performance.now();
      let outcome: IntakeOutcome;
      try {
        const r = await callApi(
          options.servers[server]?.() ?? '',
          'POST',
          '/api/v1/complaints',
          options.who,
          body(i),
          { 'idempotency-key': key },
          options.abandonAfterMs?.(i) ?? options.timeoutMs ?? 60_000,
        );
        const complaint = (r.body as { complaint?: { id?: string; number?: string } } | null)?.complaint;
        outcome = {
          kind: 'answered',
          i,
          key,
          server,
          ms: performance.now() - started,
          status: r.status,
          replayed: r.headers.get('idempotent-replayed') === 'true',
          id: complaint?.id,
          number: complaint?.number,
          body: r.body,
        };
      } catch (e) {
        outcome = {
          kind: 'no_answer',
          i,
          key,
          server,
          ms: performance.now() - started,
          error: e instanceof Error ? `${e.message}${e.cause ? `: ${String(e.cause)}` : ''}` : String(e),
        };
      }
      outcomes.push(outcome);
      if (options.onOutcome?.(outcome, outcomes) === true) stopped = true;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return outcomes;
};

/** Nearest-rank percentile of a list of durations. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
};
