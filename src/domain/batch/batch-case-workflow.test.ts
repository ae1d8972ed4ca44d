import { describe, expect, it } from 'vitest';
import {
  computeInvestigationDueAt,
  decideBatchCaseStep,
  findCloseBlockers,
  formatBatchDocumentNumber,
  isInvestigationLate,
  isInvestigationOverdue,
  type BatchCaseFacts,
} from './batch-case-workflow';

const opened = new Date('2026-03-05T02:00:00Z');
const due = computeInvestigationDueAt(opened);

const facts = (over: Partial<BatchCaseFacts> = {}): BatchCaseFacts => ({
  status: 'open',
  investigationDueAt: due,
  investigationFiledAt: null,
  decision: null,
  sealTasks: [],
  recall: null,
  ...over,
});

const filed = { status: 'investigating' as const, investigationFiledAt: new Date('2026-03-05T03:00:00Z') };

describe('R-SLA-11 batch investigation clock', () => {
  it('should be due 2 clock hours after the case opened', () => {
    expect(due.toISOString()).toBe('2026-03-05T04:00:00.000Z');
    expect(computeInvestigationDueAt(opened, 3).toISOString()).toBe('2026-03-05T05:00:00.000Z');
  });

  it.each([
    ['one minute early', '2026-03-05T03:59:00Z', false],
    ['exactly at the due time', '2026-03-05T04:00:00Z', false],
    ['one millisecond late', '2026-03-05T04:00:00.001Z', true],
    ['a day late', '2026-03-06T04:00:00Z', true],
  ])('R-SLA-11 should call a filing %s late=%s', (_label, at, late) => {
    expect(isInvestigationLate(due, new Date(at))).toBe(late);
    const step = decideBatchCaseStep(facts(), { type: 'file_investigation', at: new Date(at) });
    expect(step.ok && step.value.late).toBe(late);
    expect(step.ok && step.value.rules).toContainEqual({
      rule: 'R-SLA-11',
      detail: late ? 'breached' : 'met',
    });
  });

  it('R-SLA-11 should call a case overdue only while unfiled, undecided and past due', () => {
    const after = new Date(due.getTime() + 1);
    expect(isInvestigationOverdue(facts(), after)).toBe(true);
    expect(isInvestigationOverdue(facts({ status: 'investigating' }), after)).toBe(true);
    expect(isInvestigationOverdue(facts(), due)).toBe(false);
    expect(isInvestigationOverdue(facts(filed), after)).toBe(false);
    expect(isInvestigationOverdue(facts({ status: 'closed' }), after)).toBe(false);
  });
});

describe('decideBatchCaseStep — R-BAT-4 / R-BAT-5 states', () => {
  it('R-BAT-4 should move an open case to investigating on the first seal and keep later states', () => {
    expect(decideBatchCaseStep(facts(), { type: 'quarantine' })).toMatchObject({
      ok: true,
      value: { next: 'investigating' },
    });
    expect(decideBatchCaseStep(facts({ ...filed, status: 'decided' }), { type: 'quarantine' })).toMatchObject(
      {
        ok: true,
        value: { next: 'decided' },
      },
    );
  });

  it('should file the investigation once, and not after the decision', () => {
    const at = new Date('2026-03-05T03:30:00Z');
    expect(decideBatchCaseStep(facts(filed), { type: 'file_investigation', at })).toMatchObject({
      ok: false,
      error: { code: 'BATCH_INVESTIGATION_ALREADY_FILED' },
    });
    expect(
      decideBatchCaseStep(facts({ status: 'decided' }), { type: 'file_investigation', at }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BATCH_CASE_STATE_INVALID' },
    });
  });

  it('R-BAT-5 should refuse a decision before the investigation is filed', () => {
    for (const status of ['open', 'investigating'] as const)
      expect(decideBatchCaseStep(facts({ status }), { type: 'decide', decision: 'recall' })).toMatchObject({
        ok: false,
        error: { code: 'BATCH_INVESTIGATION_MISSING' },
      });
  });

  it('R-BAT-5 should decide once on a filed investigation', () => {
    const r = decideBatchCaseStep(facts(filed), { type: 'decide', decision: 'write_off' });
    expect(r).toEqual({
      ok: true,
      value: { next: 'decided', rules: [{ rule: 'R-BAT-5', detail: 'write_off' }], late: false },
    });
    expect(
      decideBatchCaseStep(facts({ ...filed, status: 'decided', decision: 'write_off' }), {
        type: 'decide',
        decision: 'recall',
      }),
    ).toMatchObject({ ok: false, error: { code: 'BATCH_CASE_STATE_INVALID' } });
  });

  it('should refuse everything on a closed case', () => {
    for (const command of [
      { type: 'quarantine' },
      { type: 'complete_seal' },
      { type: 'decide', decision: 'recall' },
      { type: 'close' },
    ] as const)
      expect(decideBatchCaseStep(facts({ status: 'closed' }), command)).toMatchObject({
        ok: false,
        error: { code: 'BATCH_CASE_STATE_INVALID' },
      });
  });
});

describe('closing — R-BAT-4 seal tasks done, R-BAT-5 recall completed', () => {
  const decided = (over: Partial<BatchCaseFacts>) =>
    facts({ ...filed, status: 'decided', decision: 'market_check', ...over });

  it('should refuse to close a case not decided yet', () => {
    expect(decideBatchCaseStep(facts(filed), { type: 'close' })).toMatchObject({
      ok: false,
      error: { code: 'BATCH_CASE_STATE_INVALID' },
    });
  });

  it.each<[string, Partial<BatchCaseFacts>, string[]]>([
    ['nothing open', {}, []],
    ['a seal task open', { sealTasks: [{ id: 's1', status: 'open' }] }, ['seal_tasks_open']],
    ['all seal tasks done', { sealTasks: [{ id: 's1', status: 'done' }] }, []],
    ['a recall decision without a recall', { decision: 'recall' }, ['recall_missing']],
    [
      'a recall still running',
      { decision: 'recall', recall: { id: 'r', status: 'in_progress' } },
      ['recall_not_completed'],
    ],
    ['a completed recall', { decision: 'recall', recall: { id: 'r', status: 'completed' } }, []],
    [
      'open seals and no recall',
      { decision: 'recall', sealTasks: [{ id: 's1', status: 'open' }] },
      ['seal_tasks_open', 'recall_missing'],
    ],
  ])('R-BAT-4/R-BAT-5 should find blockers with %s', (_label, over, blockers) => {
    const f = decided(over);
    expect(findCloseBlockers(f)).toEqual(blockers);
    const r = decideBatchCaseStep(f, { type: 'close' });
    if (blockers.length === 0) expect(r).toMatchObject({ ok: true, value: { next: 'closed' } });
    else
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'BATCH_CASE_NOT_CLOSABLE', details: { reasons: blockers } },
      });
  });
});

it('should number cases PL- and recalls ZH- with a six-digit sequence', () => {
  expect(formatBatchDocumentNumber('batch_case', 2026, 7)).toBe('PL-2026-000007');
  expect(formatBatchDocumentNumber('recall', 2026, 12)).toBe('ZH-2026-000012');
});
