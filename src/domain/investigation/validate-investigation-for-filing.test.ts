import { describe, expect, it } from 'vitest';
import {
  PENDING_ITEM,
  PRODUCT_OUTCOMES,
  VERDICTS,
  emptyInvestigationRecord,
  type ChecklistItem,
  type InvestigationComplaintFacts,
  type InvestigationRecord,
  type ProductOutcome,
  type Verdict,
} from './investigation-record';
import { OUTCOME_VERDICTS, validateInvestigationForFiling } from './validate-investigation-for-filing';

const done = (note = '已核查'): ChecklistItem => ({ status: 'done', reason: null, note, evidenceIds: [] });
const notApplicable = (reason: string | null): ChecklistItem => ({
  status: 'not_applicable',
  reason,
  note: null,
  evidenceIds: [],
});

/** A record that can be filed for an ordinary (not serious) valid complaint: an isolated defect, exchange. */
const ready = (over: Partial<InvestigationRecord> = {}): InvestigationRecord => ({
  ...emptyInvestigationRecord(),
  checklist: {
    returned_unit: done('退回实物封口处有褶皱'),
    photos_videos: done(),
    retained_sample: done('留样复检合格'),
    production_records: done(),
    inspection_reports: done(),
    shipping_records: notApplicable('门店自提，无物流'),
    field_visit: { status: 'pending', reason: null, note: null, evidenceIds: [] },
  },
  methods: ['five_why'],
  fiveWhy: [
    { why: '为什么漏气？', because: '封口不严' },
    { why: '为什么封口不严？', because: '封口温度偏低' },
    { why: '为什么温度偏低？', because: '温控器未按期校准' },
  ],
  occurrenceCause: '封口机温控器未按期校准，封口温度偏低',
  escapeCause: '出厂检验未做密封性抽检',
  failureMechanism: '密封不良',
  verdict: 'isolated',
  productOutcome: 'exchange',
  ...over,
});

const facts = (over: Partial<InvestigationComplaintFacts> = {}): InvestigationComplaintFacts => ({
  severity: 'minor',
  injury: 'none',
  validity: 'valid',
  evidenceIds: ['11111111-1111-4111-8111-111111111111'],
  ...over,
});

const problemsOf = (record: InvestigationRecord, complaint = facts()) =>
  validateInvestigationForFiling(record, complaint).map((p) => `${p.rule} ${p.path} ${p.problem}`);

describe('validateInvestigationForFiling', () => {
  it('should find nothing when the record is complete and consistent', () => {
    expect(problemsOf(ready())).toEqual([]);
  });

  it('should list every problem of a blank record at once, each with a path and a rule', () => {
    const problems = validateInvestigationForFiling(emptyInvestigationRecord(), facts());
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'checklist.retained_sample',
        'checklist.returned_unit',
        'methods',
        'occurrenceCause',
        'escapeCause',
        'verdict',
        'productOutcome',
      ]),
    );
    for (const p of problems) expect(p.rule).toMatch(/^R-(INV-[1-4]|BAT-1)$/);
  });

  describe('R-INV-1 evidence checklist', () => {
    it.each(['retained_sample', 'production_records', 'inspection_reports', 'shipping_records'])(
      'should refuse filing when %s is still pending (R-INV-1)',
      (kind) => {
        const record = ready();
        const checklist = {
          ...record.checklist,
          [kind]: PENDING_ITEM,
        };
        expect(problemsOf({ ...record, checklist })).toEqual([`R-INV-1 checklist.${kind} item_pending`]);
      },
    );

    it('should refuse a not-applicable item without a reason (R-INV-1)', () => {
      const record = ready();
      expect(
        problemsOf({ ...record, checklist: { ...record.checklist, shipping_records: notApplicable('  ') } }),
      ).toEqual(['R-INV-1 checklist.shipping_records.reason reason_required']);
    });

    it('should refuse filing when neither the returned unit nor photos/videos were examined (R-INV-1)', () => {
      const record = ready();
      const checklist = {
        ...record.checklist,
        returned_unit: notApplicable('顾客未退回'),
        photos_videos: { status: 'pending' as const, reason: null, note: null, evidenceIds: [] },
      };
      expect(problemsOf({ ...record, checklist })).toEqual([
        'R-INV-1 checklist.returned_unit unit_or_media_required',
      ]);
      expect(
        problemsOf({ ...record, checklist: { ...checklist, photos_videos: done('顾客照片 3 张') } }),
      ).toEqual([]);
    });

    it.each<[string, Partial<InvestigationComplaintFacts>, Verdict]>([
      ['the complaint is classed serious 严重', { severity: 'serious' }, 'isolated'],
      ['someone was seriously injured', { injury: 'serious' }, 'isolated'],
      ['someone died', { injury: 'death' }, 'isolated'],
      ['the verdict is serious', {}, 'serious'],
    ])('should require a field visit when %s (R-INV-1)', (_, complaint, verdict) => {
      const record = ready({ verdict });
      expect(problemsOf(record, facts(complaint))).toEqual([
        'R-INV-1 checklist.field_visit field_visit_required',
      ]);
      const visited = { ...record, checklist: { ...record.checklist, field_visit: done('质检员到店核查') } };
      expect(problemsOf(visited, facts(complaint))).toEqual([]);
      const skipped = {
        ...record,
        checklist: { ...record.checklist, field_visit: notApplicable('顾客拒绝上门') },
      };
      expect(problemsOf(skipped, facts(complaint))).toEqual([
        'R-INV-1 checklist.field_visit field_visit_required',
      ]);
    });

    it('should not require a field visit in an ordinary case (R-INV-1)', () => {
      expect(problemsOf(ready(), facts({ severity: 'major' }))).toEqual([]);
    });

    it('should refuse evidence that is not attached to the complaint (R-INV-1)', () => {
      const record = ready();
      const checklist = {
        ...record.checklist,
        photos_videos: {
          ...done(),
          evidenceIds: ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'],
        },
      };
      expect(problemsOf({ ...record, checklist })).toEqual([
        'R-INV-1 checklist.photos_videos.evidenceIds.1 unknown_evidence',
      ]);
    });

    it('should refuse a checklist item that is not one of the R-INV-1 kinds', () => {
      const record = ready();
      expect(problemsOf({ ...record, checklist: { ...record.checklist, gut_feeling: done() } })).toEqual([
        'R-INV-1 checklist.gut_feeling unknown_item',
      ]);
    });
  });

  describe('R-INV-2 root cause', () => {
    it('should refuse filing without the cause of occurrence (R-INV-2)', () => {
      expect(problemsOf(ready({ occurrenceCause: null }))).toEqual([
        'R-INV-2 occurrenceCause occurrence_cause_required',
      ]);
    });

    it('should refuse filing without the cause of escape (R-INV-2)', () => {
      expect(problemsOf(ready({ escapeCause: '   ' }))).toEqual([
        'R-INV-2 escapeCause escape_cause_required',
      ]);
    });

    it('should refuse filing without a named method (R-INV-2)', () => {
      expect(problemsOf(ready({ methods: [], fiveWhy: [] }))).toEqual(['R-INV-2 methods method_required']);
    });

    it('should refuse a 5-Why chain shorter than 3 steps (R-INV-2)', () => {
      const record = ready();
      expect(problemsOf({ ...record, fiveWhy: record.fiveWhy.slice(0, 2) })).toEqual([
        'R-INV-2 fiveWhy five_why_too_short',
      ]);
      expect(problemsOf({ ...record, fiveWhy: [] })).toEqual(['R-INV-2 fiveWhy five_why_too_short']);
    });

    it('should check a 5-Why chain that was entered even when the method is not named (R-INV-2)', () => {
      const record = ready({ methods: ['fmea'] });
      expect(problemsOf({ ...record, fiveWhy: record.fiveWhy.slice(0, 1) })).toEqual([
        'R-INV-2 fiveWhy five_why_too_short',
      ]);
    });

    it('should refuse a 5-Why step with no answer (R-INV-2)', () => {
      const record = ready();
      const fiveWhy = [...record.fiveWhy.slice(0, 2), { why: '为什么温度偏低？', because: '' }];
      expect(problemsOf({ ...record, fiveWhy })).toEqual(['R-INV-2 fiveWhy.2.because text_required']);
    });

    it('should accept a fishbone with a root cause marked in one of the 6M categories (R-INV-2)', () => {
      const record = ready({
        methods: ['fishbone'],
        fiveWhy: [],
        fishbone: {
          man: [{ text: '新员工未培训', root: false }],
          machine: [{ text: '封口机温控漂移', root: true }],
          environment: [],
        },
      });
      expect(problemsOf(record)).toEqual([]);
    });

    it('should refuse a fishbone with an unknown category (R-INV-2)', () => {
      const record = ready({
        methods: ['fishbone'],
        fiveWhy: [],
        fishbone: {
          machine: [{ text: '封口机温控漂移', root: true }],
          money: [{ text: '预算不足', root: false }],
        },
      });
      expect(problemsOf(record)).toEqual(['R-INV-2 fishbone.money unknown_category']);
    });

    it('should refuse a fishbone with no cause marked as root (R-INV-2)', () => {
      const record = ready({
        methods: ['fishbone'],
        fiveWhy: [],
        fishbone: { machine: [{ text: '封口机温控漂移', root: false }] },
      });
      expect(problemsOf(record)).toEqual(['R-INV-2 fishbone root_cause_not_marked']);
      expect(problemsOf({ ...record, fishbone: {} })).toEqual(['R-INV-2 fishbone root_cause_not_marked']);
    });

    it('should refuse a method that is not one of the named methods (R-INV-2)', () => {
      expect(problemsOf(ready({ methods: ['five_why', 'guesswork'] }))).toEqual([
        'R-INV-2 methods.1 unknown_method',
      ]);
    });

    it.each(['five_w_one_h', 'fmea', 'pareto', 'eight_d'])(
      'should accept %s as the named method with both causes written (R-INV-2)',
      (method) => {
        expect(problemsOf(ready({ methods: [method], fiveWhy: [] }))).toEqual([]);
      },
    );
  });

  describe('R-INV-3 verdict', () => {
    it('should refuse filing without a technical verdict when a defect was found (R-INV-3)', () => {
      expect(problemsOf(ready({ verdict: null }))).toEqual(['R-INV-3 verdict verdict_required']);
    });

    it('should allow no verdict when no quality problem was found (R-INV-3)', () => {
      const record = ready({ verdict: null, productOutcome: 'continue_selling', failureMechanism: null });
      expect(problemsOf(record, facts({ validity: 'no_quality_problem' }))).toEqual([]);
    });
  });

  describe('R-INV-4 product outcome', () => {
    it('should refuse filing without a product outcome (R-INV-4)', () => {
      expect(problemsOf(ready({ productOutcome: null }))).toEqual([
        'R-INV-4 productOutcome outcome_required',
      ]);
    });

    it('should refuse a recall with an isolated verdict (R-INV-4)', () => {
      expect(problemsOf(ready({ productOutcome: 'recall' }))).toEqual([
        'R-INV-4 productOutcome outcome_contradicts_verdict',
      ]);
    });

    const table = VERDICTS.flatMap((v) => PRODUCT_OUTCOMES.map((o) => [v, o] as [Verdict, ProductOutcome]));
    it.each(table)(
      'should accept verdict %s with outcome %s only as OUTCOME_VERDICTS says (R-INV-4)',
      (v, o) => {
        const serious = v === 'serious';
        const record = ready({ verdict: v, productOutcome: o });
        const withVisit = serious
          ? { ...record, checklist: { ...record.checklist, field_visit: done('到现场') } }
          : record;
        const validity = o === 'continue_selling' ? 'pending' : 'valid';
        const found = problemsOf(withVisit, facts({ validity })).filter((p) =>
          p.includes('outcome_contradicts'),
        );
        expect(found).toEqual(
          OUTCOME_VERDICTS[o].includes(v) ? [] : ['R-INV-4 productOutcome outcome_contradicts_verdict'],
        );
      },
    );

    it('should pin the consistency table (R-INV-4)', () => {
      expect(OUTCOME_VERDICTS).toEqual({
        continue_selling: [null, 'isolated'],
        exchange: ['isolated', 'serious'],
        repackage: ['isolated', 'batch'],
        recall: ['batch', 'serious'],
      });
    });

    it('should refuse continue selling when the complaint is confirmed valid (R-INV-4)', () => {
      const record = ready({ verdict: null, productOutcome: 'continue_selling', failureMechanism: null });
      expect(problemsOf(record, facts({ validity: 'valid' }))).toEqual([
        'R-INV-4 productOutcome outcome_contradicts_validity',
      ]);
      expect(problemsOf(record, facts({ validity: 'pending' }))).toEqual([]);
    });

    it.each(['no_quality_problem', 'not_our_product'] as const)(
      'should refuse a defect outcome when the complaint validity is %s (R-INV-4)',
      (validity) => {
        expect(problemsOf(ready(), facts({ validity }))).toEqual([
          'R-INV-4 productOutcome outcome_contradicts_validity',
        ]);
      },
    );
  });

  describe('R-BAT-1 failure mechanism', () => {
    it('should require the failure mechanism when a defect was found (R-BAT-1)', () => {
      expect(problemsOf(ready({ failureMechanism: ' ' }))).toEqual([
        'R-BAT-1 failureMechanism failure_mechanism_required',
      ]);
    });
  });
});
