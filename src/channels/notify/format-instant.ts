import type { Locale } from '../../domain/identity/user';

/**
 * Formats an instant for a notification as `YYYY-MM-DD HH:mm` in `timeZone` followed by the zone's name in the
 * reader's language, e.g. `2026-03-05 17:30（中国标准时间）` or `2026-03-05 17:30 (China Standard Time)`.
 */
export const formatInstant = (iso: string, locale: Locale, timeZone: string): string => {
  const at = new Date(iso);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const zone =
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  const local = `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
  return locale === 'zh-CN' ? `${local}（${zone}）` : `${local} (${zone})`;
};
