import { describe, expect, it } from 'vitest';
import type { ReportDecision } from './adverse-event';
import { decideReportDecision } from './decide-report-decision';

const awareAt = new Date('2026-03-05T02:00:00Z');
const now = new Date('2026-03-08T02:00:00Z');
const row = (over: Partial<ReportDecision> = {}): ReportDecision => ({
  id: 'd',
  adverseEventId: 'ae',
  jurisdiction: 'CN-NMPA',
  reportKind: 'individual_death',
  dueAt: new Date('2026-03-12T16:00:00Z'),
  reportable: null,
  rationale: null,
  decidedAt: null,
  decidedBy: null,
  submittedAt: null,
  submissionRef: null,
  ...over,
});

describe('decideReportDecision (R-AE-2)', () => {
  it('should record a reportable decision with its rationale and submission', () => {
    const r = decideReportDecision(
      row(),
      { reportable: true, rationale: ' 输液泵故障导致患者死亡 ', submissionRef: 'CN-AE-2026-0001' },
      { now, awareAt },
    );
    expect(r).toEqual({
      ok: true,
      value: {
        reportable: true,
        rationale: '输液泵故障导致患者死亡',
        submissionRef: 'CN-AE-2026-0001',
        submittedAt: now,
        decidedAt: now,
        rules: [{ rule: 'R-AE-2', detail: 'reportable' }],
      },
    });
  });

  it('should record "not reportable" with its rationale and no submission', () => {
    const r = decideReportDecision(
      row(),
      { reportable: false, rationale: '产品未在美国销售' },
      { now, awareAt },
    );
    expect(r.ok && r.value).toMatchObject({ reportable: false, submissionRef: null, submittedAt: null });
  });

  it.each([
    ['a blank rationale', { reportable: true, rationale: '  ' }, 'rationale_required'],
    [
      'a submission on a not-reportable row',
      { reportable: false, rationale: '无关', submissionRef: 'X-1' },
      'submission_not_reportable',
    ],
    [
      'a submission before awareness',
      { reportable: true, rationale: '上报', submittedAt: new Date('2026-03-01T00:00:00Z') },
      'submitted_at_out_of_range',
    ],
    [
      'a submission in the future',
      { reportable: true, rationale: '上报', submittedAt: new Date('2026-03-09T00:00:00Z') },
      'submitted_at_out_of_range',
    ],
  ])('should refuse %s', (_n, input, problem) => {
    expect(decideReportDecision(row(), input, { now, awareAt })).toEqual({
      ok: false,
      error: { code: 'ADVERSE_EVENT_DECISION_INVALID', problem, rule: 'R-AE-2' },
    });
  });

  it('should refuse turning a submitted report into not reportable, and keep the submission on a revision', () => {
    const submitted = row({
      reportable: true,
      rationale: '上报',
      decidedAt: awareAt,
      submittedAt: new Date('2026-03-06T00:00:00Z'),
      submissionRef: 'CN-1',
    });
    expect(
      decideReportDecision(submitted, { reportable: false, rationale: '误报' }, { now, awareAt }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ADVERSE_EVENT_ALREADY_SUBMITTED' },
    });
    const revised = decideReportDecision(
      submitted,
      { reportable: true, rationale: '补充说明' },
      { now, awareAt },
    );
    expect(revised.ok && revised.value).toMatchObject({
      submissionRef: 'CN-1',
      submittedAt: new Date('2026-03-06T00:00:00Z'),
    });
  });

  it('should mark a decision and a submission taken after the due time as late', () => {
    const late = new Date('2026-03-14T00:00:00Z');
    const r = decideReportDecision(
      row(),
      { reportable: true, rationale: '上报', submissionRef: 'CN-2' },
      {
        now: late,
        awareAt,
      },
    );
    expect(r.ok && r.value.rules.map((h) => h.detail)).toEqual([
      'reportable',
      'decided_after_due',
      'submitted_after_due',
    ]);
  });
});
