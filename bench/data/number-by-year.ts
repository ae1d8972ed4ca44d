import type { SqlRunner } from '../lib/bench-target';

/**
 * Complaint numbers KS-YYYY-NNNNNN are gapless per Asia/Shanghai year of receipt (R-INT-3,
 * complaintRepo.allocateNumber). Complaint i is received at bench_gen.received_ms(i), which grows with i, so each
 * year's complaints are one run of indexes: `bench_gen.years` holds where each run starts (the complaint statement
 * numbers complaint i as i - first + 1), and `complaint_counters` gets each year's last number, so the product's
 * next intake of that year continues the sequence. Returns the years and their counts.
 */
export const numberByYear = async (
  runner: SqlRunner,
  complaints: number,
): Promise<{ year: number; n: number }[]> => {
  await runner.query(`DROP TABLE IF EXISTS bench_gen.years`);
  await runner.query(
    `CREATE TABLE bench_gen.years AS
     SELECT bench_gen.year_of(bench_gen.received_ms(i)) AS year, min(i)::int AS first_i, count(*)::int AS n
     FROM generate_series(0, ${complaints - 1}) i GROUP BY 1`,
  );
  await runner.query(`ALTER TABLE bench_gen.years ADD PRIMARY KEY (year)`);
  await runner.query(
    `INSERT INTO complaint_counters (year, last) SELECT year, n FROM bench_gen.years
     ON CONFLICT (year) DO UPDATE SET last = excluded.last`,
  );
  return runner.query<{ year: number; n: number }>(`SELECT year, n FROM bench_gen.years ORDER BY year`);
};
