import type { AdverseEventDecision } from '../../app/api-types';

/** How urgent a decision row looks: settled, past due, due within a day, within three days, or later. */
export type DueTone = 'done' | 'overdue' | 'urgent' | 'soon' | 'open';

export const DUE_TONE_COLOR: Readonly<Record<DueTone, string>> = {
  done: 'success',
  overdue: 'error',
  urgent: 'volcano',
  soon: 'gold',
  open: 'processing',
};

const DAY = 86_400_000;

/** A row has its answer when it says yes or no and gives a rationale (R-AE-2). */
export const isDecided = (d: Pick<AdverseEventDecision, 'reportable' | 'rationale'>): boolean =>
  d.reportable !== null && (d.rationale ?? '').trim() !== '';

/**
 * The countdown colour of one decision row at `now`. A row is settled when it was decided not reportable, or decided
 * reportable and submitted; a reportable row without a submission keeps counting down to its due time (R-AE-3).
 */
export const dueTone = (
  d: Pick<AdverseEventDecision, 'dueAt' | 'reportable' | 'rationale' | 'submittedAt'>,
  now: number,
): DueTone => {
  if (isDecided(d) && (d.reportable === false || d.submittedAt !== null)) return 'done';
  const left = new Date(d.dueAt).getTime() - now;
  if (left < 0) return 'overdue';
  if (left < DAY) return 'urgent';
  if (left < 3 * DAY) return 'soon';
  return 'open';
};

/** The export URL of a regulator form, as JSON or as the CSV download. */
export const exportUrl = (id: string, form: string, format: 'json' | 'csv'): string =>
  `/api/v1/adverse-events/${id}/export?form=${form}${format === 'csv' ? '&format=csv' : ''}`;
