import { describe, expect, it } from 'vitest';
import type { CapaStatus } from './capa-action';
import {
  decideCapaApproval,
  decideCapaCompletion,
  decideCapaRejection,
  decideInitialCapaStatus,
  isCapaOverdue,
} from './decide-capa-step';

const completion = { effectiveFrom: '2026-03-10', today: '2026-03-05', recurrences: [] };

describe('CAPA action steps (R-CAPA-1, R-CAPA-4)', () => {
  it('should start a preventive action awaiting the GM approval and the others open (R-CAPA-4, R-CAPA-1)', () => {
    expect(decideInitialCapaStatus('preventive').next).toBe('awaiting_approval');
    expect(decideInitialCapaStatus('preventive').rules[0]?.rule).toBe('R-CAPA-4');
    expect(decideInitialCapaStatus('corrective').next).toBe('open');
    expect(decideInitialCapaStatus('containment').next).toBe('open');
  });

  it('should approve or reject only an action awaiting approval (R-CAPA-4)', () => {
    const statuses: CapaStatus[] = ['open', 'done', 'verified', 'reopened', 'review', 'cancelled'];
    expect(decideCapaApproval({ status: 'awaiting_approval' })).toMatchObject({
      ok: true,
      value: { next: 'open' },
    });
    expect(decideCapaRejection({ status: 'awaiting_approval' })).toMatchObject({
      ok: true,
      value: { next: 'cancelled' },
    });
    for (const status of statuses) {
      expect(decideCapaApproval({ status })).toMatchObject({
        ok: false,
        error: { code: 'CAPA_ILLEGAL_TRANSITION' },
      });
      expect(decideCapaRejection({ status })).toMatchObject({
        ok: false,
        error: { code: 'CAPA_ILLEGAL_TRANSITION' },
      });
    }
  });

  it('should not let a preventive action awaiting the GM count as done (R-CAPA-4)', () => {
    const r = decideCapaCompletion(
      { status: 'awaiting_approval', kind: 'preventive', verifyAfterDays: 90 },
      completion,
    );
    expect(!r.ok && r.error.code).toBe('CAPA_APPROVAL_REQUIRED');
  });

  it('should complete from open, reopened and review only', () => {
    const table: [CapaStatus, boolean][] = [
      ['open', true],
      ['reopened', true],
      ['review', true],
      ['done', false],
      ['verified', false],
      ['cancelled', false],
    ];
    for (const [status, allowed] of table) {
      const r = decideCapaCompletion({ status, kind: 'corrective', verifyAfterDays: 90 }, completion);
      expect({ status, ok: r.ok }).toEqual({ status, ok: allowed });
    }
  });

  it('should need effectiveFrom for corrective and preventive actions but not for containment (R-CAPA-3)', () => {
    const none = { ...completion, effectiveFrom: null };
    const c = decideCapaCompletion({ status: 'open', kind: 'corrective', verifyAfterDays: 90 }, none);
    expect(!c.ok && c.error).toEqual({
      code: 'CAPA_EFFECTIVE_FROM_INVALID',
      details: { problem: 'required' },
    });
    const k = decideCapaCompletion({ status: 'open', kind: 'containment', verifyAfterDays: 90 }, none);
    expect(k.ok && k.value.next).toBe('done');
  });

  it('should refuse an effectiveFrom whose production already recurred, or one more than a year ahead (R-CAPA-3)', () => {
    const recurred = decideCapaCompletion(
      { status: 'reopened', kind: 'corrective', verifyAfterDays: 90 },
      {
        ...completion,
        recurrences: [
          {
            complaintId: 'c',
            complaintNumber: 'KS-2026-000009',
            batchNo: '20260312A',
            productionDate: '2026-03-12',
            receivedAt: '2026-03-20T00:00:00.000Z',
          },
        ],
      },
    );
    expect(!recurred.ok && recurred.error.details.problem).toBe('already_recurred');
    const far = decideCapaCompletion(
      { status: 'open', kind: 'corrective', verifyAfterDays: 90 },
      { ...completion, effectiveFrom: '2027-03-07' },
    );
    expect(!far.ok && far.error.details.problem).toBe('too_far_ahead');
    const ok = decideCapaCompletion(
      { status: 'open', kind: 'corrective', verifyAfterDays: 90 },
      { ...completion, effectiveFrom: '2027-03-06' },
    );
    expect(ok.ok && ok.value.rules.map((h) => h.detail)).toEqual([
      'corrective_done',
      'watch 2027-03-06..2027-06-04',
    ]);
  });

  it('should escalate an overdue working action once (R-CAPA-1)', () => {
    const now = new Date('2026-03-10T00:00:00Z');
    const due = new Date('2026-03-09T16:00:00Z');
    const base = { status: 'open' as CapaStatus, dueAt: due, escalatedAt: null };
    expect(isCapaOverdue(base, now)).toBe(true);
    expect(isCapaOverdue({ ...base, escalatedAt: now }, now)).toBe(false);
    expect(isCapaOverdue({ ...base, dueAt: new Date('2026-03-10T00:00:01Z') }, now)).toBe(false);
    for (const status of ['reopened', 'review'] as CapaStatus[])
      expect(isCapaOverdue({ ...base, status }, now)).toBe(true);
    for (const status of ['awaiting_approval', 'done', 'verified', 'cancelled'] as CapaStatus[])
      expect(isCapaOverdue({ ...base, status }, now)).toBe(false);
  });
});
