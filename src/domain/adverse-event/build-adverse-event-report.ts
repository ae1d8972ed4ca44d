import { toLocalDateTime } from '../sla/convert-local-time';
import { basisKey } from './adverse-event';
import type { Localised, ReportForm } from './adverse-event-policy';
import {
  FORMS,
  NOTICE,
  type FieldCtx,
  type ReportSubject,
  type ReportValue,
} from './adverse-event-form-fields';

export type ReportField = {
  readonly key: string;
  readonly section: string;
  readonly label: Localised;
  readonly value: ReportValue;
};

/** Key fields of one regulator form filled from the record; `missing` lists those the record cannot fill. */
export type AdverseEventReport = {
  readonly form: ReportForm;
  readonly title: Localised;
  readonly notice: Localised;
  /** True when a decision row of the evaluation belongs to this form's jurisdiction. */
  readonly applicable: boolean;
  readonly generatedAt: string;
  readonly fields: readonly ReportField[];
  readonly missing: readonly string[];
};

/**
 * The key fields of a regulator's adverse-event form (R-AE-2) filled from the complaint, the product as recorded
 * (name, model, code, batch/lot, serial, UDI custom field), the report facts of the evaluation (patient outcome,
 * operator, cause, manufacturer actions) and its dates (awareness, event, receipt, report). Dates are local dates in
 * the company's time zone. Only the fields a quality engineer needs to file are mapped — not the whole form; those
 * the record cannot fill are listed in `missing`. `applicable` says whether the evaluation has a decision row of the
 * form's jurisdiction.
 */
export const buildAdverseEventReport = (form: ReportForm, subject: ReportSubject): AdverseEventReport => {
  const basis = subject.evaluation.reportData.basis;
  const decisions = subject.evaluation.decisions.filter(
    (d) => basis[basisKey(d.jurisdiction, d.reportKind)]?.form === form,
  );
  const ctx: FieldCtx = {
    ...subject,
    facts: subject.evaluation.reportData.facts,
    decisions,
    date: (d) => (d ? toLocalDateTime(subject.timeZone, d).date : null),
  };
  const fields = FORMS[form].fields.map(([key, section, zh, en, value]) => {
    const v = value(ctx);
    return { key, section, label: { 'zh-CN': zh, en }, value: v === '' ? null : v };
  });
  return {
    form,
    title: FORMS[form].title,
    notice: NOTICE,
    applicable: decisions.length > 0,
    generatedAt: subject.generatedAt.toISOString(),
    fields,
    missing: fields.filter((f) => f.value === null).map((f) => f.key),
  };
};
