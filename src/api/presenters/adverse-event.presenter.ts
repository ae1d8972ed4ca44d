import type { z } from 'zod';
import type { AdverseEventDetail } from '../../app/adverse-events/get-adverse-event';
import { basisKey, isDecided, type ReportDecision } from '../../domain/adverse-event/adverse-event';
import type { AdverseEventReport } from '../../domain/adverse-event/build-adverse-event-report';
import type {
  ZAdverseEventReport,
  ZAdverseEventView,
  ZReportDecisionView,
} from '../../contracts/adverse-event.contract';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const isOverdue = (d: ReportDecision, now: Date): boolean =>
  d.dueAt.getTime() <= now.getTime() && (!isDecided(d) || (d.reportable === true && d.submittedAt === null));

export const presentAdverseEvent = (detail: AdverseEventDetail): z.infer<typeof ZAdverseEventView> => {
  const { evaluation: e, now } = detail;
  const decisions = e.decisions.map((d): z.infer<typeof ZReportDecisionView> => {
    const basis = e.reportData.basis[basisKey(d.jurisdiction, d.reportKind)];
    return {
      id: d.id,
      jurisdiction: d.jurisdiction,
      reportKind: d.reportKind,
      label: basis ? { ...basis.label } : null,
      form: basis?.form ?? null,
      source: basis?.source ?? null,
      confidence: basis?.confidence ?? null,
      dueAt: d.dueAt.toISOString(),
      provisional: basis?.provisional ?? false,
      overdue: isOverdue(d, now),
      reportable: d.reportable,
      rationale: d.rationale,
      decidedAt: iso(d.decidedAt),
      decidedBy: d.decidedBy,
      submittedAt: iso(d.submittedAt),
      submissionRef: d.submissionRef,
      rules: (basis?.rules ?? []).map((r) => ({ ...r })),
    };
  });
  const open = e.decisions.filter((d) => !isDecided(d));
  const exportUrl = (form: string) => `/api/v1/adverse-events/${e.id}/export?form=${form}`;
  return {
    id: e.id,
    complaintId: e.complaintId,
    complaintNumber: detail.complaintNumber,
    complaintStatus: detail.complaintStatus,
    productName: detail.productName,
    eventType: e.eventType,
    status: e.status,
    awareAt: e.awareAt.toISOString(),
    openedAt: e.openedAt.toISOString(),
    decidedAt: iso(e.closedAt),
    nextDueAt:
      open.length > 0 ? new Date(Math.min(...open.map((d) => d.dueAt.getTime()))).toISOString() : null,
    overdue: decisions.some((d) => d.overdue),
    closeBlocked: detail.blocker !== undefined,
    decisions,
    facts: { ...e.reportData.facts },
    triggers: e.reportData.triggers.map((t) => ({ ...t })),
    exports: { nmpa: exportUrl('nmpa'), fda: exportUrl('fda'), eu: exportUrl('eu') },
    version: e.version,
  };
};

export const presentAdverseEventReport = (r: AdverseEventReport): z.infer<typeof ZAdverseEventReport> => ({
  ...r,
  title: { ...r.title },
  notice: { ...r.notice },
  fields: r.fields.map((f) => ({ ...f, label: { ...f.label } })),
  missing: [...r.missing],
});

const csvCell = (v: string | number | boolean | null): string => {
  const s = v === null ? '' : String(v);
  // Formula injection: a cell that Excel would evaluate is quoted with a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The report as CSV (UTF-8 with BOM for Excel): section, key, 字段, field, value. */
export const presentAdverseEventReportCsv = (r: AdverseEventReport): string =>
  '\uFEFF' +
  [
    ['section', 'key', '字段', 'field', 'value'],
    ...r.fields.map((f) => [f.section, f.key, f.label['zh-CN'], f.label.en, f.value]),
  ]
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n') +
  '\r\n';
