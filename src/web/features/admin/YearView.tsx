import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../app/api-types';

export const DAY_STYLE: Record<CalendarDay['reason'], { background: string; color: string; border: string }> =
  {
    holiday: { background: '#ff4d4f', color: '#fff', border: '#ff4d4f' },
    makeup_workday: { background: '#fa8c16', color: '#fff', border: '#fa8c16' },
    weekend: { background: '#f0f0f0', color: '#8c8c8c', border: '#f0f0f0' },
    weekday: { background: '#fff', color: '#262626', border: '#e8e8e8' },
  };

type Run = { name: string; reason: 'holiday' | 'makeup_workday'; from: string; to: string };

/** Consecutive days of one holiday (or make-up day) as one line: "10/1–10/7 国庆节". */
const runsOf = (days: readonly CalendarDay[]): Run[] => {
  const out: Run[] = [];
  for (const d of days) {
    if (d.reason !== 'holiday' && d.reason !== 'makeup_workday') continue;
    const last = out[out.length - 1];
    const prevDate = last ? new Date(`${last.to}T00:00:00Z`).getTime() + 86_400_000 : 0;
    if (
      last &&
      last.reason === d.reason &&
      last.name === (d.name ?? '') &&
      prevDate === new Date(`${d.date}T00:00:00Z`).getTime()
    )
      last.to = d.date;
    else out.push({ name: d.name ?? '', reason: d.reason, from: d.date, to: d.date });
  }
  return out;
};

const md = (date: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;

const MonthGrid = ({ month, days }: { readonly month: number; readonly days: readonly CalendarDay[] }) => {
  const { t } = useTranslation('admin');
  const lead = (days[0]?.weekday ?? 1) - 1;
  const runs = runsOf(days);
  return (
    <div
      data-testid={`calendar-month-${month}`}
      style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 8 }}
    >
      <Typography.Text strong>{t(`calendar.month.${month}`)}</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, marginTop: 6 }}>
        {[1, 2, 3, 4, 5, 6, 7].map((w) => (
          <div key={`h${w}`} style={{ textAlign: 'center', fontSize: 11, color: '#8c8c8c' }}>
            {t(`calendar.weekdayShort.${w}`)}
          </div>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <div key={`e${i}`} />
        ))}
        {days.map((d) => {
          const s = DAY_STYLE[d.reason];
          const title = [
            d.date,
            t(`calendar.kind.${d.reason}`),
            d.name,
            d.provisional ? t('calendar.provisional') : null,
          ]
            .filter(Boolean)
            .join(' · ');
          return (
            <Tooltip key={d.date} title={title} mouseEnterDelay={0.2}>
              <div
                data-testid={`calendar-day-${d.date}`}
                data-kind={d.reason}
                data-provisional={d.provisional ? 'true' : undefined}
                aria-label={title}
                style={{
                  textAlign: 'center',
                  fontSize: 12,
                  lineHeight: '22px',
                  borderRadius: 4,
                  background: s.background,
                  color: s.color,
                  border: `1px ${d.provisional ? 'dashed' : 'solid'} ${d.provisional && d.reason === 'weekday' ? '#d9d9d9' : s.border}`,
                  fontWeight: d.reason === 'holiday' || d.reason === 'makeup_workday' ? 600 : 400,
                }}
              >
                {Number(d.date.slice(8, 10))}
              </div>
            </Tooltip>
          );
        })}
      </div>
      <div style={{ minHeight: 36, marginTop: 6, fontSize: 12, lineHeight: '18px' }}>
        {runs.map((r) => (
          <div key={`${r.reason}${r.from}`} style={{ color: r.reason === 'holiday' ? '#cf1322' : '#d46b08' }}>
            {r.from === r.to ? md(r.from) : `${md(r.from)}–${md(r.to)}`} {r.name}
            {r.reason === 'makeup_workday' ? ` ${t('calendar.kind.makeup_workday')}` : ''}
          </div>
        ))}
      </div>
    </div>
  );
};

/** The whole year as 12 small month grids, Monday first: holidays red, make-up working days orange, weekends grey. */
export const YearView = ({ days }: { readonly days: readonly CalendarDay[] }) => {
  const months = Array.from({ length: 12 }, (_, i) => {
    const mm = String(i + 1).padStart(2, '0');
    return days.filter((d) => d.date.slice(5, 7) === mm);
  });
  return (
    <div
      data-testid="calendar-year-view"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))', gap: 12 }}
    >
      {months.map((m, i) => (
        <MonthGrid key={i} month={i + 1} days={m} />
      ))}
    </div>
  );
};
