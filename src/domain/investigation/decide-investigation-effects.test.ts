import { describe, expect, it } from 'vitest';
import { decideInvestigationEffects } from './decide-investigation-effects';
import {
  canEditInvestigation,
  emptyInvestigationRecord,
  type InvestigationRecord,
} from './investigation-record';
import { validateInvestigationDraft } from './validate-investigation-draft';

const product = { productId: 'p-1', batchNo: '20260301A' };
const record = (over: Partial<InvestigationRecord>): InvestigationRecord => ({
  ...emptyInvestigationRecord(),
  methods: ['five_why'],
  failureMechanism: '密封不良',
  ...over,
});

describe('decideInvestigationEffects', () => {
  it.each([
    ['batch', 'repackage'],
    ['serious', 'exchange'],
  ] as const)(
    'should flag a recall analysis when the verdict is %s, even with outcome %s and not ticked (R-INV-3)',
    (verdict, productOutcome) => {
      const effects = decideInvestigationEffects(
        record({ verdict, productOutcome, recallAnalysisNeeded: false }),
        product,
      );
      expect(effects.recallAnalysisNeeded).toBe(true);
      expect(effects.rules).toContainEqual({ rule: 'R-INV-3', detail: `verdict:${verdict}→recall_analysis` });
    },
  );

  it('should flag a recall analysis for a recall outcome (R-INV-4)', () => {
    const effects = decideInvestigationEffects(
      record({ verdict: 'batch', productOutcome: 'recall' }),
      product,
    );
    expect(effects.rules).toContainEqual({ rule: 'R-INV-4', detail: 'outcome:recall→recall_analysis' });
    expect(effects.recallAnalysisNeeded).toBe(true);
  });

  it('should not flag a recall analysis for an isolated defect unless the investigator asks (R-INV-3)', () => {
    const isolated = record({ verdict: 'isolated', productOutcome: 'exchange' });
    expect(decideInvestigationEffects(isolated, product).recallAnalysisNeeded).toBe(false);
    expect(
      decideInvestigationEffects({ ...isolated, recallAnalysisNeeded: true }, product).recallAnalysisNeeded,
    ).toBe(true);
    expect(decideInvestigationEffects(isolated, product).rules).toContainEqual({
      rule: 'R-INV-3',
      detail: 'verdict:isolated',
    });
  });

  it('should record the failure mechanism for batch signals by product and batch (R-BAT-1)', () => {
    const effects = decideInvestigationEffects(
      record({ verdict: 'batch', productOutcome: 'recall', failureMechanism: ' 密封不良 ' }),
      product,
    );
    expect(effects.mechanism).toEqual({
      failureMechanism: '密封不良',
      productId: 'p-1',
      batchNo: '20260301A',
    });
    expect(effects.rules).toContainEqual({ rule: 'R-BAT-1', detail: 'mechanism:密封不良' });
  });

  it('should say so when the mechanism cannot be counted per batch (R-BAT-1)', () => {
    const effects = decideInvestigationEffects(record({ verdict: 'isolated', productOutcome: 'exchange' }), {
      productId: null,
      batchNo: null,
    });
    expect(effects.rules).toContainEqual({ rule: 'R-BAT-1', detail: 'mechanism:密封不良;batch:unknown' });
  });

  it('should record no mechanism when no quality problem was found', () => {
    const effects = decideInvestigationEffects(
      record({ productOutcome: 'continue_selling', failureMechanism: null }),
      product,
    );
    expect(effects.mechanism).toBeNull();
    expect(effects.rules.map((r) => r.rule)).toEqual(['R-INV-2', 'R-INV-4']);
  });
});

describe('validateInvestigationDraft', () => {
  const facts = {
    severity: null,
    injury: 'none' as const,
    validity: 'pending' as const,
    evidenceIds: ['e-1'],
  };

  it('should accept an incomplete draft', () => {
    expect(validateInvestigationDraft(emptyInvestigationRecord(), facts)).toEqual([]);
  });

  it('should refuse unknown methods, fishbone categories and evidence even in a draft (R-INV-1, R-INV-2)', () => {
    const draft: InvestigationRecord = {
      ...emptyInvestigationRecord(),
      methods: ['tarot'],
      fishbone: { mood: [] },
      checklist: { photos_videos: { status: 'done', reason: null, note: null, evidenceIds: ['e-1', 'e-9'] } },
    };
    expect(validateInvestigationDraft(draft, facts)).toEqual([
      { path: 'checklist.photos_videos.evidenceIds.1', rule: 'R-INV-1', problem: 'unknown_evidence' },
      { path: 'methods.0', rule: 'R-INV-2', problem: 'unknown_method' },
      { path: 'fishbone.mood', rule: 'R-INV-2', problem: 'unknown_category' },
    ]);
  });
});

describe('canEditInvestigation', () => {
  it.each([
    ['assigned', false],
    ['investigating', true],
    ['solution_proposed', true],
    ['executing', true],
    ['follow_up', true],
    ['closed', false],
    ['explained', false],
    ['withdrawn', false],
  ] as const)('should answer for a complaint in %s: %s', (status, editable) => {
    expect(canEditInvestigation(status)).toBe(editable);
  });
});
