import type { CapaAction } from '../../app/api-types';
import { dayjs, DISPLAY_TIME_ZONE } from '../../app/time';

export const CAPA_STATUS_COLOR: Record<CapaAction['status'], string> = {
  awaiting_approval: 'gold',
  open: 'processing',
  done: 'cyan',
  verified: 'success',
  reopened: 'volcano',
  review: 'magenta',
  cancelled: 'default',
};

/** Where a CAPA action, 8D or disposal comes from, as a console link (none for management review). */
export const sourcePath = (
  sourceType: CapaAction['sourceType'],
  sourceId: string | null,
): string | undefined => {
  if (!sourceId) return undefined;
  switch (sourceType) {
    case 'complaint':
      return `/complaints/${sourceId}`;
    case 'batch_case':
      return `/batch-cases/${sourceId}`;
    case 'recurrence':
      return `/capa-actions/${sourceId}`;
    case 'quality_report':
    case 'management_review':
      return undefined;
  }
};

/** R-CAPA-1: an action is due at 24:00 of its due day; shown as that day, not as 00:00 of the next. */
export const formatDueDay = (dueAt: string): string =>
  dayjs(dueAt).subtract(1, 'millisecond').tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD');
