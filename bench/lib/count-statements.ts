import pg from 'pg';

type Query = (...args: unknown[]) => unknown;

let recording: { statements: string[]; timings: StatementTiming[] } | undefined;

/** One statement's round trip as the client saw it: sent → answered (network, planning, execution, parsing). */
export type StatementTiming = { readonly statement: string; readonly ms: number };
let installed = false;

const textOf = (arg: unknown): string => {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'text' in arg) return String((arg as { text: unknown }).text);
  return String(arg);
};

/**
 * Every statement a PostgreSQL client sends while `fn` runs (node-postgres only: each `Client.query` is one round
 * trip, BEGIN and COMMIT included). Meant for one request at a time, to count round trips and spot N+1 queries.
 */
export const recordStatements = async <T>(
  fn: () => Promise<T>,
): Promise<{ result: T; statements: string[]; timings: StatementTiming[] }> => {
  if (!installed) {
    const original = pg.Client.prototype.query as unknown as Query;
    (pg.Client.prototype as unknown as { query: Query }).query = function (
      this: unknown,
      ...args: unknown[]
    ) {
      const rec = recording;
      if (!rec) return original.apply(this, args);
      const statement = textOf(args[0]).replace(/\s+/g, ' ').trim();
      rec.statements.push(statement);
      const t = performance.now();
      const answer = original.apply(this, args);
      if (answer instanceof Promise)
        void answer.then(
          () => rec.timings.push({ statement, ms: performance.now() - t }),
          () => rec.timings.push({ statement, ms: performance.now() - t }),
        );
      return answer;
    };
    installed = true;
  }
  const statements: string[] = [];
  const timings: StatementTiming[] = [];
  recording = { statements, timings };
  try {
    return { result: await fn(), statements, timings };
  } finally {
    recording = undefined;
  }
};

/** The statements grouped by their first words (e.g. `insert into "complaint_deadlines"` × 2), most frequent first. */
export const summariseStatements = (
  statements: readonly string[],
): { statement: string; count: number }[] => {
  const counts = new Map<string, number>();
  for (const s of statements) {
    const key = s
      .replace(/^(select|with)\s.*?\sfrom\s+("?[a-z_]+"?).*$/i, '$1 … from $2')
      .replace(/^(insert into|update|delete from)\s+("?[a-z_]+"?).*$/i, '$1 $2')
      .slice(0, 90);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([statement, count]) => ({ statement, count }))
    .sort((a, b) => b.count - a.count);
};
