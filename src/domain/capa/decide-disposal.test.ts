import { describe, expect, it } from 'vitest';
import {
  computeObjectionUntil,
  decideApproval,
  decideObjection,
  decideRedecision,
  decideResubmission,
  decideReturn,
  decideRuling,
  decideSubmission,
  decideWindowLapse,
  DISPOSAL_STATUSES,
  type DisposalStatus,
} from './decide-disposal';

const TZ = 'Asia/Shanghai';
// Monday 2026-05-04 10:00 in Shanghai.
const publishedAt = new Date('2026-05-04T02:00:00Z');
const until = computeObjectionUntil(publishedAt, TZ, 7);

describe('nonconformity disposal objections (R-ESC-3)', () => {
  it('should keep the window open until 24:00 of the 7th calendar day after publication (R-ESC-3)', () => {
    expect(until.toISOString()).toBe('2026-05-11T16:00:00.000Z'); // Monday 11 May 24:00 in Shanghai
    // 01:00 on Tuesday in Shanghai is still Monday in UTC: the local day counts
    expect(computeObjectionUntil(new Date('2026-05-04T17:00:00Z'), TZ, 7).toISOString()).toBe(
      '2026-05-12T16:00:00.000Z',
    );
  });

  it('should send the first objection to re-investigation and the second to the chief engineer (R-ESC-3)', () => {
    const now = new Date('2026-05-06T00:00:00Z');
    expect(decideObjection({ status: 'published', round: 1, objectionUntil: until }, now)).toMatchObject({
      ok: true,
      value: { next: 'reinvestigating' },
    });
    expect(decideObjection({ status: 'published', round: 2, objectionUntil: until }, now)).toMatchObject({
      ok: true,
      value: { next: 'awaiting_ruling' },
    });
  });

  it('should refuse an objection at or after the end of the week (R-ESC-3)', () => {
    const last = new Date(until.getTime() - 1);
    expect(decideObjection({ status: 'published', round: 1, objectionUntil: until }, last).ok).toBe(true);
    const r = decideObjection({ status: 'published', round: 1, objectionUntil: until }, until);
    expect(!r.ok && r.error).toEqual({
      code: 'DISPOSAL_OBJECTION_WINDOW_CLOSED',
      details: { rule: 'R-ESC-3', objectionUntil: until.toISOString() },
    });
  });

  it('should take objections only on a published decision, and none before the chief engineer approved it (R-ESC-3)', () => {
    const cases: [DisposalStatus, string][] = [
      ['awaiting_approval', 'DISPOSAL_APPROVAL_REQUIRED'],
      ['returned', 'DISPOSAL_APPROVAL_REQUIRED'],
      ['reinvestigating', 'DISPOSAL_ILLEGAL_TRANSITION'],
      ['awaiting_ruling', 'DISPOSAL_ILLEGAL_TRANSITION'],
      ['final', 'DISPOSAL_ILLEGAL_TRANSITION'],
    ];
    for (const [status, code] of cases) {
      const r = decideObjection({ status, round: 1, objectionUntil: null }, publishedAt);
      expect({ status, code: !r.ok && r.error.code }).toEqual({ status, code });
    }
  });

  it('should start every round waiting for the chief engineer: new decisions and re-investigations (R-ESC-3)', () => {
    expect(decideSubmission()).toEqual({
      next: 'awaiting_approval',
      rules: [{ rule: 'R-ESC-3', detail: 'awaiting_chief_engineer_approval' }],
    });
    expect(decideRedecision({ status: 'reinvestigating' })).toEqual({
      ok: true,
      value: {
        next: 'awaiting_approval',
        rules: [{ rule: 'R-ESC-3', detail: 'reinvestigated_awaiting_chief_engineer_approval' }],
      },
    });
  });

  it('should publish on the chief engineer approval and start the window then, not at submission (R-ESC-3)', () => {
    // Submitted on Monday, approved on Wednesday 6 May 09:00 in Shanghai: objections until Wednesday 13 May 24:00.
    const approvedAt = new Date('2026-05-06T01:00:00Z');
    expect(
      decideApproval(
        { status: 'awaiting_approval', createdBy: 'qe-1', objections: [] },
        { now: approvedAt, timeZone: TZ, windowDays: 7, approverId: 'ce-1' },
      ),
    ).toEqual({
      ok: true,
      value: {
        next: 'published',
        publishedAt: approvedAt,
        objectionUntil: new Date('2026-05-13T16:00:00Z'),
        rules: [
          { rule: 'R-ESC-3', detail: 'chief_engineer_approved_publication' },
          { rule: 'R-ESC-3', detail: 'published_7_days' },
        ],
      },
    });
    expect(decideReturn({ status: 'awaiting_approval' })).toEqual({
      ok: true,
      value: { next: 'returned', rules: [{ rule: 'R-ESC-3', detail: 'chief_engineer_returned_to_quality' }] },
    });
    expect(decideResubmission({ status: 'returned' })).toEqual({
      ok: true,
      value: { next: 'awaiting_approval', rules: [{ rule: 'R-ESC-3', detail: 'resubmitted_for_approval' }] },
    });
  });

  it('should refuse the approval to the author of the decision or of its re-investigation — four eyes (R-ESC-3)', () => {
    const ctx = { now: publishedAt, timeZone: TZ, windowDays: 7 };
    const reinvestigated = {
      round: 1,
      reason: '异议',
      by: 'x',
      byName: null,
      at: publishedAt.toISOString(),
      decisionObjected: '报废',
      reinvestigation: { findings: '复查', newDecision: '返工', by: 'ce-2', at: publishedAt.toISOString() },
    };
    const d = { status: 'awaiting_approval' as const, createdBy: 'ce-1', objections: [reinvestigated] };
    for (const author of ['ce-1', 'ce-2'])
      expect(decideApproval(d, { ...ctx, approverId: author })).toEqual({
        ok: false,
        error: { code: 'DISPOSAL_SELF_APPROVAL', details: { rule: 'R-ESC-3', detail: 'four_eyes' } },
      });
    expect(decideApproval(d, { ...ctx, approverId: 'ce-3' }).ok).toBe(true);
  });

  it('should allow each step from exactly one status and refuse the rest as illegal transitions (R-ESC-3)', () => {
    const ctx = { now: publishedAt, timeZone: TZ, windowDays: 7, approverId: 'ce-1' };
    const steps = {
      approve: (status: DisposalStatus) => decideApproval({ status, createdBy: 'qe-1', objections: [] }, ctx),
      return: (status: DisposalStatus) => decideReturn({ status }),
      resubmit: (status: DisposalStatus) => decideResubmission({ status }),
      object: (status: DisposalStatus) =>
        decideObjection({ status, round: 1, objectionUntil: until }, ctx.now),
      redecide: (status: DisposalStatus) => decideRedecision({ status }),
      rule: (status: DisposalStatus) => decideRuling({ status }),
    };
    const allowed = Object.fromEntries(
      Object.entries(steps).map(([step, decide]) => [step, DISPOSAL_STATUSES.filter((s) => decide(s).ok)]),
    );
    expect(allowed).toEqual({
      approve: ['awaiting_approval'],
      return: ['awaiting_approval'],
      resubmit: ['returned'],
      object: ['published'],
      redecide: ['reinvestigating'],
      rule: ['awaiting_ruling'],
    });
    const r = decideApproval({ status: 'published', createdBy: 'qe-1', objections: [] }, ctx);
    expect(!r.ok && r.error).toEqual({
      code: 'DISPOSAL_ILLEGAL_TRANSITION',
      details: { status: 'published', step: 'approve' },
    });
    expect(decideRuling({ status: 'awaiting_ruling' })).toMatchObject({ ok: true, value: { next: 'final' } });
  });

  it('should make a published decision final when the window ends without objection (R-ESC-3)', () => {
    expect(
      decideWindowLapse({ status: 'published', objectionUntil: until }, new Date(until.getTime() - 1)),
    ).toBe(undefined);
    expect(decideWindowLapse({ status: 'published', objectionUntil: until }, until)?.next).toBe('final');
    expect(decideWindowLapse({ status: 'reinvestigating', objectionUntil: until }, until)).toBe(undefined);
  });

  it('should never finalise a decision still waiting for the chief engineer, however long it waits (R-ESC-3)', () => {
    const later = new Date('2027-01-01T00:00:00Z');
    for (const status of ['awaiting_approval', 'returned'] as DisposalStatus[]) {
      expect(decideWindowLapse({ status, objectionUntil: null }, later)).toBe(undefined);
      // a round-2 decision waiting again keeps no stale window either way
      expect(decideWindowLapse({ status, objectionUntil: until }, later)).toBe(undefined);
    }
  });
});
