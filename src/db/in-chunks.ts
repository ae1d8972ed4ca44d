/**
 * Runs `fn` over `rows` in slices. PostgreSQL takes at most 65,535 bind parameters per statement, so a
 * multi-row insert of a 5,000-row import must be split.
 */
export const inChunks = async <T>(
  rows: readonly T[],
  size: number,
  fn: (chunk: T[]) => Promise<void>,
): Promise<void> => {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
};
