/**
 * Conversions between UTC instants and local date/time in an IANA time zone, for the business calendar behind the
 * R-SLA deadlines (dates are stored in UTC, deadlines are decided in the calendar's zone). `Intl.DateTimeFormat` is
 * the only source of offsets: no hard-coded +08:00 (Asia/Shanghai has no DST today, but had 1986–1991; other zones
 * have it now).
 */

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A wall-clock reading in a time zone. `msOfDay` counts from local midnight (0 ≤ msOfDay < 86 400 000). */
export type LocalDateTime = {
  readonly date: string;
  readonly msOfDay: number;
  readonly isoWeekday: IsoWeekday;
};

// Formatters are costly to build and deterministic: one per zone, kept for the process.
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
};

/** True when the runtime knows `timeZone` as an IANA zone (e.g. `Asia/Shanghai`): a calendar needs one (R-SLA). */
export const isValidTimeZone = (timeZone: string): boolean => {
  if (typeof timeZone !== 'string' || timeZone.length === 0) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
};

const exactOffsetMs = (timeZone: string, epochMs: number): number => {
  const wholeSeconds = epochMs - (((epochMs % 1000) + 1000) % 1000);
  const parts = formatterFor(timeZone).formatToParts(new Date(wholeSeconds));
  const field = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const asUtc = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return asUtc - wholeSeconds;
};

const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 200_000;
// Offsets at whole hours, per zone: formatting is the slow part of every deadline computation.
const hourOffsets = new Map<string, Map<number, number>>();

const offsetAtHour = (timeZone: string, hour: number): number => {
  let zone = hourOffsets.get(timeZone);
  if (!zone || zone.size > MAX_CACHED_HOURS) {
    zone = new Map();
    hourOffsets.set(timeZone, zone);
  }
  let offset = zone.get(hour);
  if (offset === undefined) {
    offset = exactOffsetMs(timeZone, hour * HOUR_MS);
    zone.set(hour, offset);
  }
  return offset;
};

/**
 * Offset of `timeZone` from UTC at the instant `epochMs`, in ms (east positive; Asia/Shanghai → +28 800 000).
 * When the offsets at both ends of the surrounding hour agree, no transition lies in between and the cached value
 * is exact; otherwise (a DST change inside that hour) it is computed for the instant itself.
 */
export const zoneOffsetMs = (timeZone: string, epochMs: number): number => {
  const hour = Math.floor(epochMs / HOUR_MS);
  const before = offsetAtHour(timeZone, hour);
  return before === offsetAtHour(timeZone, hour + 1) ? before : exactOffsetMs(timeZone, epochMs);
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const formatUtcDate = (d: Date): string =>
  `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Parses a local date `YYYY-MM-DD` (R-SLA calendar days) into epoch ms of that date at 00:00 UTC, or null when it is not a real date. */
export const parseLocalDate = (date: string): number | null => {
  const m = LOCAL_DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return formatUtcDate(new Date(ms)) === date ? ms : null;
};

const requireLocalDate = (date: string): number => {
  const ms = parseLocalDate(date);
  if (ms === null) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return ms;
};

/** The local date `days` after (or before, when negative) `date`: calendar-day arithmetic for R-SLA day counts, no zone involved. */
export const addLocalDays = (date: string, days: number): string =>
  formatUtcDate(new Date(requireLocalDate(date) + days * DAY_MS));

/** ISO weekday of a local date, Monday = 1 … Sunday = 7: the key of the calendar's weekly hours (R-SLA). */
export const isoWeekdayOf = (date: string): IsoWeekday =>
  (((new Date(requireLocalDate(date)).getUTCDay() + 6) % 7) + 1) as IsoWeekday;

/** Reads the wall clock of `timeZone` at the instant `at` (R-SLA: which local day and time a clock started). */
export const toLocalDateTime = (timeZone: string, at: Date): LocalDateTime => {
  const local = at.getTime() + zoneOffsetMs(timeZone, at.getTime());
  const d = new Date(local);
  const date = formatUtcDate(d);
  return { date, msOfDay: local - requireLocalDate(date), isoWeekday: isoWeekdayOf(date) };
};

/**
 * The instant at which the wall clock of `timeZone` shows `date` + `msOfDay` (`msOfDay` may be 86 400 000 for
 * 24:00, i.e. the next local midnight). A time that occurs twice (DST fall-back) maps to the earlier instant; a time
 * skipped by a DST gap maps to the instant the same distance past the gap (02:30 in a 02:00→03:00 gap → 03:30).
 */
export const fromLocalDateTime = (timeZone: string, date: string, msOfDay: number): Date => {
  const guess = requireLocalDate(date) + msOfDay;
  const before = zoneOffsetMs(timeZone, guess - DAY_MS);
  const after = zoneOffsetMs(timeZone, guess + DAY_MS);
  const valid = [...new Set([before, after, zoneOffsetMs(timeZone, guess)])]
    .map((offset) => guess - offset)
    .filter((t) => zoneOffsetMs(timeZone, t) + t === guess);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(guess - before);
};

/** Parses working hours `HH:MM` (00:00 … 24:00) into ms since local midnight, or null when malformed (R-SLA calendar). */
export const parseClockTime = (hhmm: string): number | null => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return (h * 60 + min) * 60_000;
};
