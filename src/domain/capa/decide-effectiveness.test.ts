import { describe, expect, it } from 'vitest';
import type { CapaRecurrence } from './capa-action';
import { DEFAULT_CAPA_POLICY } from './capa-policy';
import { decideEffectiveness, type EffectivenessFacts } from './decide-effectiveness';

type ActionFacts = Parameters<typeof decideEffectiveness>[0];

const action: ActionFacts = {
  status: 'done',
  kind: 'corrective',
  effectiveFrom: '2026-03-10',
  verifyAfterDays: 90,
  reopenCount: 0,
  productId: 'p1',
  mechanism: 'seal_leak',
};

const recurrence = (productionDate: string, batchNo = `B${productionDate}`): CapaRecurrence => ({
  complaintId: `c-${batchNo}`,
  complaintNumber: `KS-2026-${batchNo}`,
  batchNo,
  productionDate,
  receivedAt: '2026-04-01T02:00:00.000Z',
});

const facts = (over: Partial<EffectivenessFacts> = {}): EffectivenessFacts => ({
  today: '2026-04-01',
  batchesChecked: [{ batchNo: '20260315A', productionDate: '2026-03-15', quantity: 5000 }],
  complaintsCounted: 0,
  recurrences: [],
  note: null,
  ...over,
});

const decide = (a: Partial<ActionFacts> = {}, f: Partial<EffectivenessFacts> = {}) =>
  decideEffectiveness({ ...action, ...a }, facts(f), DEFAULT_CAPA_POLICY);

describe('decideEffectiveness (R-CAPA-3)', () => {
  it('should reopen the action (R-CAPA-3) when the same mechanism recurs on a batch produced after effectiveFrom', () => {
    const r = decide({}, { recurrences: [recurrence('2026-03-20')], complaintsCounted: 1 });
    expect(r.ok && r.value.outcome).toBe('reopened');
    expect(r.ok && r.value.reopenCount).toBe(1);
    expect(r.ok && r.value.rules.every((h) => h.rule === 'R-CAPA-3')).toBe(true);
    expect(r.ok && r.value.evidence.recurrences.map((x) => x.batchNo)).toEqual(['B2026-03-20']);
  });

  it('should count a batch produced ON the effectiveFrom day as made under the action (R-CAPA-3 boundary)', () => {
    expect(decide({}, { recurrences: [recurrence('2026-03-10')] }).ok).toBe(true);
    const r = decide({}, { recurrences: [recurrence('2026-03-10')] });
    expect(r.ok && r.value.outcome).toBe('reopened');
  });

  it('should NOT reopen (R-CAPA-3) for a complaint on a batch produced before effectiveFrom, even inside the window', () => {
    const r = decide({}, { recurrences: [recurrence('2026-03-09')] });
    expect(r.ok && r.value.outcome).toBe('pending');
    expect(r.ok && r.value.evidence.recurrences).toEqual([]);
  });

  it('should send the third recurrence to the quality review meeting (R-CAPA-3) when the action was reopened twice', () => {
    const table: [number, string, number][] = [
      [0, 'reopened', 1],
      [1, 'reopened', 2],
      [2, 'review', 2],
      [3, 'review', 3],
    ];
    for (const [reopenCount, outcome, next] of table) {
      const r = decide({ reopenCount }, { recurrences: [recurrence('2026-03-25')] });
      expect({ reopenCount, outcome: r.ok && r.value.outcome, next: r.ok && r.value.reopenCount }).toEqual({
        reopenCount,
        outcome,
        next,
      });
    }
  });

  it('should honour a policy that sends the first recurrence to review (reviewAfterReopens 0)', () => {
    const r = decideEffectiveness(action, facts({ recurrences: [recurrence('2026-03-25')] }), {
      reviewAfterReopens: 0,
    });
    expect(r.ok && r.value.outcome).toBe('review');
  });

  it('should stay pending while the window runs without a recurrence, and verify on its last day (R-CAPA-3)', () => {
    const table: [string, string][] = [
      ['2026-04-01', 'pending'],
      ['2026-06-07', 'pending'],
      ['2026-06-08', 'verified'], // 2026-03-10 + 90 days
      ['2026-09-01', 'verified'],
    ];
    for (const [today, outcome] of table) {
      const r = decide({}, { today });
      expect({ today, outcome: r.ok && r.value.outcome }).toEqual({ today, outcome });
    }
  });

  it('should verify with the evidence: batches checked, units produced and complaints counted (R-CAPA-3)', () => {
    const r = decide(
      {},
      {
        today: '2026-06-10',
        complaintsCounted: 2,
        batchesChecked: [
          { batchNo: '20260315A', productionDate: '2026-03-15', quantity: 5000 },
          { batchNo: '20260401A', productionDate: '2026-04-01', quantity: null },
        ],
      },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.outcome).toBe('verified');
    expect(r.value.windowEndsOn).toBe('2026-06-08');
    expect(r.value.evidence).toMatchObject({
      producedFrom: '2026-03-10',
      producedUntil: '2026-06-10',
      unitsProduced: 5000,
      complaintsCounted: 2,
      recurrences: [],
    });
    expect(r.value.rules[0]?.detail).toContain('no recurrence on 2 batches');
  });

  it('should ask the verifier for evidence when no batch was produced in the window or the action names no mechanism', () => {
    const none = decide({}, { today: '2026-07-01', batchesChecked: [] });
    expect(!none.ok && none.error).toEqual({
      code: 'CAPA_VERIFICATION_NOTE_REQUIRED',
      details: { reason: 'no_production_in_window' },
    });
    const noMech = decide({ mechanism: null }, { today: '2026-07-01' });
    expect(!noMech.ok && noMech.error.code).toBe('CAPA_VERIFICATION_NOTE_REQUIRED');
    const withNote = decide(
      { mechanism: null },
      { today: '2026-07-01', note: '服务话术培训后三个月无同类投诉' },
    );
    expect(withNote.ok && withNote.value.outcome).toBe('verified');
    expect(withNote.ok && withNote.value.evidence.note).toBe('服务话术培训后三个月无同类投诉');
  });

  it('should refuse to verify an action that is not done, or a containment action', () => {
    for (const a of [
      { status: 'open' as const },
      { status: 'verified' as const },
      { kind: 'containment' as const },
    ]) {
      const r = decide(a);
      expect(!r.ok && r.error.code).toBe('CAPA_ILLEGAL_TRANSITION');
    }
  });
});
