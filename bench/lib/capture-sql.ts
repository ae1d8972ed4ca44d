import type { Executor } from '../../src/db/client';

export type CapturedQuery = { readonly sql: string; readonly params: readonly unknown[] };

type Builder = Record<string | symbol, unknown> & { toSQL?: () => { sql: string; params: unknown[] } };

/**
 * An executor that behaves exactly like `ex` but records the SQL and parameters of every Drizzle query builder
 * awaited through it (`toSQL()` at the moment the builder is awaited). Lets the benchmark EXPLAIN the very
 * statements the product's repositories build, instead of a hand-copied version of them.
 */
export const capturingExecutor = (ex: Executor, sink: (q: CapturedQuery) => void): Executor => {
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop) {
        const value = Reflect.get(t, prop, t) as unknown;
        const builder = t as unknown as Builder;
        if (prop === 'then' && typeof builder.toSQL === 'function') {
          const q = builder.toSQL();
          sink({ sql: q.sql, params: q.params });
        }
        if (typeof value !== 'function') return value;
        if (prop === 'then' || prop === 'catch' || prop === 'finally')
          return (value as (...a: unknown[]) => unknown).bind(t);
        return (...args: unknown[]) => {
          const result = (value as (...a: unknown[]) => unknown).apply(t, args);
          return result !== null && typeof result === 'object' && !(result instanceof Promise)
            ? wrap(result)
            : result;
        };
      },
    });
  return wrap(ex);
};
