/** A rate (valid ÷ shipped) in per mille with two decimals: 0.0031 → "3.10‰"; null (nothing shipped) → "—". */
export const formatRate = (rate: number | string | null): string => {
  if (rate === null) return '—';
  const n = typeof rate === 'string' ? Number(rate) : rate;
  return Number.isFinite(n) ? `${(n * 1000).toFixed(2)}‰` : '—';
};

/** A threshold as people say it: below 1 % in per mille ("3‰"), otherwise in per cent ("1%"). */
export const formatThreshold = (rate: number | string | null): string => {
  if (rate === null) return '—';
  const n = typeof rate === 'string' ? Number(rate) : rate;
  const trim = (x: number) => String(Number(x.toFixed(4)));
  return n < 0.01 ? `${trim(n * 1000)}‰` : `${trim(n * 100)}%`;
};

const WEEK = /^(\d{4})-W(\d{2})$/;
const DAY = 86_400_000;

/** Monday (UTC midnight) of an ISO week "2026-W10". */
const mondayOf = (year: number, week: number): number => {
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - jan4Weekday * DAY + (week - 1) * 7 * DAY;
};

/** The ISO week label of a UTC midnight date. */
const weekOf = (ms: number): string => {
  const d = new Date(ms);
  const weekday = (d.getUTCDay() + 6) % 7;
  const thursday = ms + (3 - weekday) * DAY; // the ISO year is the year of the week's Thursday
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
};

/**
 * The board's counts per ISO week with the quiet weeks in between filled with 0, oldest first, so a trend line does
 * not jump over weeks without complaints. Labels it cannot read are kept as they are, at the end.
 */
export const fillWeeks = (
  weekly: readonly { week: string; count: number }[],
): { week: string; count: number }[] => {
  const known = weekly.filter((w) => WEEK.test(w.week));
  const other = weekly.filter((w) => !WEEK.test(w.week));
  if (known.length === 0) return [...other];
  const counts = new Map(known.map((w) => [w.week, w.count]));
  const mondays = known.map((w) => {
    const [, y, n] = WEEK.exec(w.week) ?? [];
    return mondayOf(Number(y), Number(n));
  });
  const out: { week: string; count: number }[] = [];
  for (let m = Math.min(...mondays); m <= Math.max(...mondays); m += 7 * DAY) {
    const week = weekOf(m);
    out.push({ week, count: counts.get(week) ?? 0 });
  }
  return [...out, ...other];
};
