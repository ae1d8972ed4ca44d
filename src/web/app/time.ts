import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);

/** Times are stored in UTC and shown in Asia/Shanghai (the product's default display zone). */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD HH:mm') : '—';

export const formatDate = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD') : '—';

/** "2 h 05 min" left (or overdue, negative) from `now` to `dueIso`. */
export const splitRemaining = (
  dueIso: string,
  now: number,
): { overdue: boolean; days: number; hours: number; minutes: number } => {
  const ms = new Date(dueIso).getTime() - now;
  const abs = Math.abs(ms);
  return {
    overdue: ms < 0,
    days: Math.floor(abs / 86_400_000),
    hours: Math.floor((abs % 86_400_000) / 3_600_000),
    minutes: Math.floor((abs % 3_600_000) / 60_000),
  };
};

export const setDayjsLanguage = (lng: string): void => {
  dayjs.locale(lng === 'en' ? 'en' : 'zh-cn');
};

export { dayjs };
