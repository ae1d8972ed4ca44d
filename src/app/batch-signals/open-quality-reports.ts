import type { SignalCounter, SignalKey } from '../../domain/batch/batch-signal';
import { formatRate, type BatchSignalDecision } from '../../domain/batch/decide-batch-signal';
import { formatSignalNumber } from '../../domain/batch/format-signal-number';
import { toCalendarLocalTime, type BusinessCalendar } from '../../domain/sla/business-calendar';
import type { Tx } from '../../db/client';
import { documentCounterRepo } from '../../db/repos/document-counter.repo';
import { qualityReportRepo } from '../../db/repos/quality-report.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import { newId } from '../new-id';
import { findRoleOwners } from '../complaints/complaint-events';
import { emitEvents } from '../platform/emit-events';

const REPORT_TITLE = {
  abnormality: '市场质量异常反馈单已开立 Market quality abnormality report opened',
  special: '质量专题报告已开立 Quality special report opened',
} as const;

/** The quality engineers, as the recipients a staff alert names. */
export const qualityEngineers = async (tx: Tx) =>
  (await findRoleOwners(tx, 'quality_engineer', 50)).map((o) => ({ ...o, role: 'quality_engineer' }));

/** The year document numbers run in: the calendar's local year (Asia/Shanghai by default). */
export const signalYearOf = (calendar: BusinessCalendar, now: Date): number =>
  Number(toCalendarLocalTime(calendar, now).date.slice(0, 4));

/**
 * Opens the reports a signal requires that do not exist yet (R-BAT-2, R-BAT-3): one of each kind per (product,
 * batch, mechanism), numbered YC-/ZT-YYYY-NNNN, due 72 h after the first complaint (R-SLA-7). The number is taken
 * only when the report is missing, so the series stays gapless; the unique index is the last word under a race.
 */
export const openQualityReports = async (
  tx: Tx,
  ctx: UseCaseContext,
  input: {
    readonly key: SignalKey;
    readonly counter: SignalCounter;
    readonly unitsShipped: number;
    readonly signal: BatchSignalDecision;
    readonly year: number;
    readonly now: Date;
  },
): Promise<{ id: string; number: string }[]> => {
  const { key, counter, unitsShipped, signal, year, now } = input;
  if (signal.reports.length === 0) return [];
  const existing = await qualityReportRepo.findKindsForKey(tx, key);
  const opened: { id: string; number: string }[] = [];
  // Quality has 72 h from the first complaint to issue the report (R-SLA-7): the opening names them to be mailed.
  let quality: Awaited<ReturnType<typeof qualityEngineers>> | undefined;
  for (const due of signal.reports) {
    if (existing.includes(due.kind)) continue;
    const seq = await documentCounterRepo.next(
      tx,
      due.kind === 'abnormality' ? 'quality_report_abnormality' : 'quality_report_special',
      year,
    );
    const row = {
      id: newId(now.getTime()),
      number: formatSignalNumber(due.kind, year, seq),
      kind: due.kind,
      ...key,
      triggers: due.triggers,
      rate: formatRate(counter.validComplaints, unitsShipped),
      threshold: String(due.threshold),
      validComplaints: counter.validComplaints,
      unitsShipped,
      firstComplaintAt: counter.firstComplaintAt,
      dueAt: due.dueAt,
      createdAt: now,
    };
    if (!(await qualityReportRepo.insertIfAbsent(tx, row))) continue;
    opened.push({ id: row.id, number: row.number });
    const rules = signal.rules.filter(
      (r) =>
        r.rule === 'R-BAT-1' ||
        r.rule === 'R-SLA-7' ||
        r.rule === (due.kind === 'abnormality' ? 'R-BAT-2' : 'R-BAT-3'),
    );
    await emitEvents(tx, now, [
      {
        type: 'batch.report_opened',
        aggregateType: 'quality_report',
        aggregateId: row.id,
        payload: {
          reportId: row.id,
          number: row.number,
          kind: row.kind,
          ...key,
          triggers: row.triggers,
          rate: row.rate,
          validComplaints: row.validComplaints,
          unitsShipped,
          firstComplaintAt: row.firstComplaintAt.toISOString(),
          dueAt: row.dueAt.toISOString(),
          recipients: (quality ??= await qualityEngineers(tx)),
          summary: `${REPORT_TITLE[row.kind]}: ${row.number} ${key.batchNo} (${key.mechanism}) ${row.rate}`,
        },
      },
    ]);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'quality_report',
        entityId: row.id,
        action: 'quality_report.opened',
        after: { ...row, rules },
      },
    ]);
  }
  return opened;
};
