import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getCalendar, getCalendarYear } from '../app/calendar/get-calendar';
import { importHolidayYear } from '../app/calendar/import-holiday-year';
import { systemContext } from '../app/context';
import type { Deps } from '../app/deps';
import { isAppError } from '../app/errors/app-error';
import type { WorkInterval } from '../domain/sla/business-calendar';
import type { IsoWeekday } from '../domain/sla/convert-local-time';

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const err = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const WEEKDAY_NAMES: Record<IsoWeekday, string> = {
  1: '周一 Mon',
  2: '周二 Tue',
  3: '周三 Wed',
  4: '周四 Thu',
  5: '周五 Fri',
  6: '周六 Sat',
  7: '周日 Sun',
};

const hoursText = (hours: readonly WorkInterval[]): string =>
  hours.length === 0 ? '休息 rest' : hours.map((h) => `${h.start}–${h.end}`).join(', ');

/**
 * `closeloop calendar import <file>` (issue 3 §4): one holiday-cn year file — the State Council notice for a new
 * year, or a corrected one. Every problem is printed and the exit code is 1 with nothing written; on success the
 * year's special days are replaced, the year is covered, and open deadlines are recomputed.
 */
export const calendarImportCommand = async (deps: Deps, file: string): Promise<number> => {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    err(`${file}: cannot read a JSON file (${e instanceof Error ? e.message : String(e)})`);
    err('nothing was imported / 未导入任何数据');
    return 1;
  }
  try {
    const r = await importHolidayYear(deps, systemContext('cli:calendar-import'), json, {
      source: `cli import: ${path.basename(file)}`,
    });
    out(
      `${r.year}: ${r.dayCount} special days imported (covered); ` +
        `${r.recomputed.changed} open deadlines recomputed (${r.recomputed.examined} open)`,
    );
    if (r.replaced) out(`  replaces the previous list of ${r.previousDayCount ?? 0} days / 已替换原有数据`);
    if (r.takenOver.length > 0) out(`  taken over from ${r.year - 1}'s notice: ${r.takenOver.join(', ')}`);
    if (r.keptByLater.length > 0)
      out(`  kept as ${r.year + 1}'s (later) notice says: ${r.keptByLater.join(', ')}`);
    return 0;
  } catch (e) {
    if (!isAppError(e) || (e.code !== 'HOLIDAY_DATA_INVALID' && e.code !== 'CALENDAR_INVALID')) throw e;
    const problems = (e.details?.problems ?? []) as { path: string; message: string }[];
    err(`${file}: ${e.code}`);
    for (const p of problems) err(`${file}: ${p.path || '(file)'}: ${p.message}`);
    err('nothing was imported / 未导入任何数据');
    return 1;
  }
};

/**
 * `closeloop calendar show [--year Y]`: the working week, the covered years with their sources and the provisional
 * years; with a year, its holidays and make-up working days (调休上班).
 */
export const calendarShowCommand = async (deps: Deps, opts: { year?: string }): Promise<number> => {
  const ctx = systemContext('cli:calendar-show');
  if (opts.year !== undefined) {
    const year = Number(opts.year);
    if (!/^\d{4}$/.test(opts.year) || year < 1949 || year > 2200) {
      err(`--year: expected a year such as 2026, got ${opts.year}`);
      return 1;
    }
    const view = await getCalendarYear(deps, ctx, year);
    out(
      view.info
        ? `${year}: covered / 已覆盖 — ${view.info.dayCount} special days, ${view.info.source}`
        : `${year}: no official data — provisional / 无官方数据，按临时日历（仅按每周工作时间）`,
    );
    for (const paper of view.info?.papers ?? []) out(`  ${paper}`);
    const line = (d: (typeof view.days)[number]) =>
      `  ${d.date} ${WEEKDAY_NAMES[d.weekday]}  ${d.name ?? ''}`;
    const holidays = view.days.filter((d) => d.reason === 'holiday');
    const makeUp = view.days.filter((d) => d.reason === 'makeup_workday');
    out(`节假日 Holidays (${holidays.length}):`);
    for (const d of holidays) out(line(d));
    out(`调休上班 Make-up working days (${makeUp.length}):`);
    for (const d of makeUp) out(line(d));
    return 0;
  }
  const c = await getCalendar(deps, ctx);
  out(`时区 Time zone: ${c.timeZone}  (calendar version ${c.version})`);
  out('工作时间 Working hours:');
  for (const day of [1, 2, 3, 4, 5, 6, 7] as const)
    out(`  ${WEEKDAY_NAMES[day]}  ${hoursText(c.weeklyHours[day])}`);
  out(`  调休上班 make-up day  ${hoursText(c.makeUpDayHours)}`);
  out('已覆盖年度 Covered years (official data):');
  if (c.coveredYears.length === 0) out('  (none)');
  for (const y of c.coveredYears)
    out(`  ${y.year}  ${String(y.dayCount).padStart(3)} days  ${y.source}  ${y.papers.join(' ')}`);
  out(
    `临时年度 Provisional years (no official data): ${c.provisionalYears.length > 0 ? c.provisionalYears.join(', ') : '(none)'}`,
  );
  return 0;
};
