import type { Result } from '../shared/result';
import { err, ok } from '../shared/result';
import type { BusinessCalendarInput, SpecialDay } from './business-calendar';
import { parseLocalDate } from './convert-local-time';
import type { SlaError, SlaProblem } from './sla-error-code';

/** One year of official holiday data, ready for `createBusinessCalendar`. */
export type HolidayCnYear = {
  readonly year: number;
  readonly days: readonly SpecialDay[];
  readonly papers: readonly string[];
  /**
   * True when the file carries data (days or State Council notice URLs). A placeholder such as holiday-cn's 2027.json
   * before the notice is out (`days: []`, `papers: []`) does NOT cover its year: that year stays provisional.
   */
  readonly covered: boolean;
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// Shows a rejected value in a problem message. `String(v)` throws on an object whose `toString` is not a function
// (`{ "toString": false }` is valid JSON), so objects are shown as JSON, cut short.
const shown = (v: unknown): string =>
  typeof v === 'object' && v !== null ? (JSON.stringify(v) ?? '').slice(0, 80) : String(v);

/**
 * Reads one holiday-cn year file (github.com/NateScarlet/holiday-cn, built from the State Council notices) into
 * the special days of the business calendar (R-SLA table, 调休).
 * `days` lists only special days: `isOffDay: true` is a day off (法定假日 or 调休放假), `false` a make-up working day
 * (调休上班); every other date follows the weekly rule. A file may list late-December days of the previous year
 * (the 2023 file lists 2022-12-31): those are kept. Refuses, listing every problem, anything that does not match
 * the schema: missing or non-integer `year`, `papers` that are not strings, a day without a name, a date that is
 * not a real `YYYY-MM-DD` of that year or the previous December, a non-boolean `isOffDay`, one date given twice
 * with different meanings.
 */
export const parseHolidayCnYear = (json: unknown): Result<HolidayCnYear, SlaError> => {
  const problems: SlaProblem[] = [];
  const fail = (): Result<never, SlaError> => err({ code: 'HOLIDAY_DATA_INVALID', problems });
  if (!isRecord(json)) {
    problems.push({ path: '', message: 'expected an object with year, papers and days' });
    return fail();
  }
  const { year, papers, days } = json;
  const validYear = typeof year === 'number' && Number.isInteger(year) && year >= 1949 && year <= 2200;
  if (!validYear) problems.push({ path: 'year', message: `expected an integer year: ${shown(year)}` });

  const paperList: string[] = [];
  if (!Array.isArray(papers)) problems.push({ path: 'papers', message: 'expected an array of URLs' });
  else
    papers.forEach((p, i) => {
      if (typeof p === 'string' && p.length > 0) paperList.push(p);
      else problems.push({ path: `papers[${i}]`, message: 'expected a non-empty string' });
    });

  const special = new Map<string, SpecialDay>();
  if (!Array.isArray(days)) problems.push({ path: 'days', message: 'expected an array of days' });
  else
    days.forEach((d: unknown, i) => {
      const path = `days[${i}]`;
      if (!isRecord(d)) {
        problems.push({ path, message: 'expected an object with name, date and isOffDay' });
        return;
      }
      const { name, date, isOffDay } = d;
      let fine = true;
      if (typeof name !== 'string' || name.trim().length === 0) {
        problems.push({ path: `${path}.name`, message: 'expected a non-empty name' });
        fine = false;
      }
      if (typeof date !== 'string' || parseLocalDate(date) === null) {
        problems.push({ path: `${path}.date`, message: `expected a YYYY-MM-DD date: ${shown(date)}` });
        fine = false;
      } else if (validYear) {
        const dateYear = Number(date.slice(0, 4));
        const previousDecember = dateYear === year - 1 && date.slice(5, 7) === '12';
        if (dateYear !== year && !previousDecember) {
          problems.push({
            path: `${path}.date`,
            message: `${date} is outside ${year} (and its previous December)`,
          });
          fine = false;
        }
      }
      if (typeof isOffDay !== 'boolean') {
        problems.push({
          path: `${path}.isOffDay`,
          message: 'expected true (off) or false (make-up working day)',
        });
        fine = false;
      }
      if (!fine) return;
      const day: SpecialDay = {
        date: date as string,
        kind: isOffDay ? 'off' : 'work',
        name: (name as string).trim(),
      };
      const known = special.get(day.date);
      if (known && known.kind !== day.kind)
        problems.push({ path: `${path}.date`, message: `${day.date} is listed both as off and as work` });
      else if (!known) special.set(day.date, day);
    });

  if (problems.length > 0 || !validYear) return fail();
  const list = [...special.values()].sort((a, b) => a.date.localeCompare(b.date));
  return ok({ year, days: list, papers: paperList, covered: list.length > 0 || paperList.length > 0 });
};

/**
 * The calendar input for a set of parsed years: all their special days, and as covered years only those that carry
 * data (R-SLA calendar: an empty placeholder year stays provisional). Spread it into `createBusinessCalendar`.
 */
export const holidayCalendarInput = (
  years: readonly HolidayCnYear[],
): Required<Pick<BusinessCalendarInput, 'specialDays' | 'coveredYears'>> => ({
  specialDays: years.flatMap((y) => y.days),
  coveredYears: years.filter((y) => y.covered).map((y) => y.year),
});
