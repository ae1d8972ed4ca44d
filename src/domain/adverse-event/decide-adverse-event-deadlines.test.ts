import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar, type BusinessCalendar } from '../sla/business-calendar';
import { holidayCalendarInput, parseHolidayCnYear, type HolidayCnYear } from '../sla/parse-holiday-cn-year';
import {
  DEFAULT_ADVERSE_EVENT_POLICY,
  findJurisdictions,
  type AdverseEventPolicy,
  type AdverseEventType,
  type ReportDuration,
} from './adverse-event-policy';
import { computeReportDueAt, decideAdverseEventDeadlines } from './decide-adverse-event-deadlines';

const HOLIDAY_DIR = new URL('../../../resources/holiday-cn/', import.meta.url);
const loadYear = (year: number): HolidayCnYear => {
  const r = parseHolidayCnYear(JSON.parse(readFileSync(new URL(`${year}.json`, HOLIDAY_DIR), 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const built = createBusinessCalendar(holidayCalendarInput([2025, 2026, 2027].map(loadYear)));
if (!built.ok) throw new Error('calendar');
const cn: BusinessCalendar = built.value;
/** A wall-clock reading in China (UTC+8). */
const sh = (local: string): Date => new Date(`${local}+08:00`);
const ALL = ['CN-NMPA', 'US-FDA', 'EU-MDR'];

const dueOf = (eventType: AdverseEventType, awareAt: Date, jurisdictions = ALL) => {
  const r = decideAdverseEventDeadlines(eventType, awareAt, DEFAULT_ADVERSE_EVENT_POLICY, {
    calendar: cn,
    jurisdictions,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return Object.fromEntries(r.value.map((d) => [`${d.jurisdiction}/${d.reportKind}`, d.dueAt]));
};

describe('decideAdverseEventDeadlines — China NMPA (R-AE-2)', () => {
  it.each([
    ['aware in the morning', '2026-03-05T10:00'],
    ['aware just after midnight (the day of awareness is not counted)', '2026-03-05T00:10'],
    ['aware late in the evening', '2026-03-05T23:30'],
  ])('should make a death due at 24:00 of day 7 when %s', (_name, aware) => {
    const due = dueOf('death', sh(aware), ['CN-NMPA']);
    expect(due).toEqual({ 'CN-NMPA/individual_death': sh('2026-03-13T00:00') });
    expect(due['CN-NMPA/individual_death']?.getTime()).toBeGreaterThan(sh('2026-03-12T23:59').getTime());
  });

  it('should not extend a calendar-day deadline that ends on a holiday (National Day 2026)', () => {
    expect(dueOf('death', sh('2026-09-26T09:00'), ['CN-NMPA'])).toEqual({
      'CN-NMPA/individual_death': sh('2026-10-04T00:00'),
    });
  });

  it('should make a serious injury, or a malfunction that may cause one, due at 24:00 of day 20', () => {
    expect(dueOf('serious_injury', sh('2026-03-05T10:00'), ['CN-NMPA'])).toEqual({
      'CN-NMPA/individual_serious': sh('2026-03-26T00:00'),
    });
    expect(dueOf('malfunction', sh('2026-03-05T10:00'), ['CN-NMPA'])).toEqual({
      'CN-NMPA/individual_serious': sh('2026-03-26T00:00'),
    });
  });

  it('should give a group event 12 hours by phone, 24 hours for the individual reports and 7 days for the holder', () => {
    expect(dueOf('group', sh('2026-03-05T10:30'), ['CN-NMPA'])).toEqual({
      'CN-NMPA/group_phone': sh('2026-03-05T22:30'),
      'CN-NMPA/group_individual': sh('2026-03-06T10:30'),
      'CN-NMPA/group_holder_report': sh('2026-03-13T00:00'),
    });
  });

  it('should count group hours on the wall clock across midnight and a holiday', () => {
    expect(dueOf('group', sh('2026-09-30T20:00'), ['CN-NMPA'])['CN-NMPA/group_phone']).toEqual(
      sh('2026-10-01T08:00'),
    );
  });
});

describe('decideAdverseEventDeadlines — US FDA 21 CFR 803 (R-AE-2)', () => {
  it('should make a death, serious injury or malfunction due 30 calendar days after the day of awareness', () => {
    // Day 30 is Saturday 4 April 2026, a Qingming holiday: calendar days are not extended.
    for (const t of ['death', 'serious_injury', 'malfunction'] as const)
      expect(dueOf(t, sh('2026-03-05T16:00'), ['US-FDA'])).toEqual({
        'US-FDA/mdr_30_day': sh('2026-04-05T00:00'),
      });
  });

  it('should make a 5-day report due after 5 work days, skipping the weekend', () => {
    // Thursday → Fri 6, Mon 9, Tue 10, Wed 11, Thu 12.
    expect(dueOf('public_health_threat', sh('2026-03-05T10:00'), ['US-FDA'])).toEqual({
      'US-FDA/mdr_5_day': sh('2026-03-13T00:00'),
    });
  });

  it('should count US work days Monday–Friday by default, not through China’s National Day week', () => {
    // Wed 30 Sep → Thu 1, Fri 2, Mon 5, Tue 6, Wed 7 Oct (Chinese holidays are not US holidays).
    expect(dueOf('public_health_threat', sh('2026-09-30T10:00'), ['US-FDA'])['US-FDA/mdr_5_day']).toEqual(
      sh('2026-10-08T00:00'),
    );
  });

  it.each([
    [
      'over National Day with the make-up Saturday 10 Oct counted',
      '2026-09-30T10:00',
      '2026-10-14T00:00',
      '2026-10-08T00:00',
    ],
    [
      'over Spring Festival from the Friday before the make-up Saturday 14 Feb',
      '2026-02-13T15:00',
      '2026-02-28T00:00',
      '2026-02-21T00:00',
    ],
  ])(
    'should follow the company calendar (holidays, 调休) when set to it: %s',
    (_n, aware, company, weekdays) => {
      const days = (calendar: 'company' | 'weekdays'): ReportDuration => ({
        unit: 'work_days',
        amount: 5,
        calendar,
      });
      expect(computeReportDueAt(sh(aware), days('company'), cn)).toEqual({
        dueAt: sh(company),
        provisional: false,
      });
      expect(computeReportDueAt(sh(aware), days('weekdays'), cn)).toEqual({
        dueAt: sh(weekdays),
        provisional: false,
      });
    },
  );

  it('should mark a company work-day deadline provisional in a year without holiday data', () => {
    const r = computeReportDueAt(
      sh('2030-03-05T10:00'),
      { unit: 'work_days', amount: 5, calendar: 'company' },
      cn,
    );
    expect(r.provisional).toBe(true);
  });
});

describe('decideAdverseEventDeadlines — EU MDR art. 87 (R-AE-2)', () => {
  it.each([
    ['public_health_threat', 'EU-MDR/public_health_threat', '2026-03-08T00:00'],
    ['death', 'EU-MDR/death_or_deterioration', '2026-03-16T00:00'],
    ['serious_injury', 'EU-MDR/death_or_deterioration', '2026-03-16T00:00'],
    ['malfunction', 'EU-MDR/serious_incident', '2026-03-21T00:00'],
  ] as const)('should make a %s due at the end of its day (2 / 10 / 15 days)', (type, key, due) => {
    expect(dueOf(type, sh('2026-03-05T10:00'), ['EU-MDR'])[key]).toEqual(sh(due));
  });
});

describe('decideAdverseEventDeadlines — jurisdictions and rule hits (R-AE-2)', () => {
  it('should give one row per (jurisdiction, report kind) in policy order, each citing source and confidence', () => {
    const r = decideAdverseEventDeadlines('death', sh('2026-03-05T10:00'), DEFAULT_ADVERSE_EVENT_POLICY, {
      calendar: cn,
      jurisdictions: ALL,
    });
    if (!r.ok) throw new Error('expected rows');
    expect(r.value.map((d) => `${d.jurisdiction}/${d.reportKind}`)).toEqual([
      'CN-NMPA/individual_death',
      'US-FDA/mdr_30_day',
      'EU-MDR/death_or_deterioration',
    ]);
    expect(r.value[0]?.rules[0]?.rule).toBe('R-AE-2');
    expect(r.value[0]?.rules[0]?.detail).toContain('confidence B');
    expect(r.value[1]?.rules[0]?.detail).toContain('803.50(a)');
    expect(r.value.map((d) => d.form)).toEqual(['nmpa', 'fda', 'eu']);
  });

  it('should apply CN-NMPA to every device and add a product’s own markets by product code', () => {
    const policy: AdverseEventPolicy = {
      ...DEFAULT_ADVERSE_EVENT_POLICY,
      productJurisdictions: { 'XT-200': ['EU-MDR', 'US-FDA'] },
    };
    expect(findJurisdictions(policy, 'XT-200')).toEqual(['CN-NMPA', 'US-FDA', 'EU-MDR']);
    expect(findJurisdictions(policy, 'OTHER')).toEqual(['CN-NMPA']);
    expect(findJurisdictions(policy, null)).toEqual(['CN-NMPA']);
    expect(findJurisdictions(policy, 'constructor')).toEqual(['CN-NMPA']);
  });

  it('should refuse an event type no jurisdiction in force asks anything for', () => {
    const policy: AdverseEventPolicy = {
      ...DEFAULT_ADVERSE_EVENT_POLICY,
      regulations: [
        {
          ...DEFAULT_ADVERSE_EVENT_POLICY.regulations[0]!,
          reportKinds: DEFAULT_ADVERSE_EVENT_POLICY.regulations[0]!.reportKinds.filter(
            (k) => !k.appliesTo.includes('group'),
          ),
        },
      ],
    };
    const r = decideAdverseEventDeadlines('group', sh('2026-03-05T10:00'), policy, {
      calendar: cn,
      jurisdictions: ['CN-NMPA'],
    });
    expect(r).toEqual({
      ok: false,
      error: { code: 'ADVERSE_EVENT_NOT_COVERED', eventType: 'group', jurisdictions: ['CN-NMPA'] },
    });
  });
});
