import { describe, expect, it } from 'vitest';
import type { Investigation } from '../../app/api-types';
import { problemsAt, toFormValues, toSaveBody } from './investigation-form';

const pending = {
  label: { 'zh-CN': '', en: '' },
  status: 'pending' as const,
  reason: null,
  note: null,
  evidenceIds: [],
};
const blank: Investigation = {
  complaintId: 'c1',
  complaintNumber: 'TS-2026-000001',
  complaintStatus: 'investigating',
  state: 'not_started',
  editable: true,
  version: 0,
  checklist: {
    returned_unit: pending,
    photos_videos: pending,
    retained_sample: pending,
    production_records: pending,
    inspection_reports: pending,
    shipping_records: pending,
    field_visit: pending,
  },
  methods: [],
  fiveWhy: [],
  fiveWhyRootCause: null,
  fishbone: { man: [], machine: [], material: [], method: [], measurement: [], environment: [] },
  occurrenceCause: null,
  escapeCause: null,
  failureMechanism: null,
  verdict: null,
  recallAnalysisNeeded: false,
  productOutcome: null,
  filedAt: null,
  filedBy: null,
  createdAt: null,
  updatedAt: null,
  problems: [],
  rules: [],
};

describe('the investigation form', () => {
  it('should send a blank record as an empty replacement with version 0 when nothing was entered', () =>
    expect(toSaveBody(toFormValues(blank), 0)).toEqual({
      version: 0,
      checklist: {},
      methods: [],
      fiveWhy: [],
      fishbone: {},
      occurrenceCause: null,
      escapeCause: null,
      failureMechanism: null,
      verdict: null,
      recallAnalysisNeeded: false,
      productOutcome: null,
    }));

  it('should trim text, send blanks as null, keep a reason only for not applicable and drop blank fishbone causes', () => {
    const values = toFormValues(blank);
    values.checklist.shipping_records = { status: 'not_applicable', reason: ' 门店自提 ', note: '' };
    values.checklist.retained_sample = {
      status: 'done',
      reason: '旧原因',
      note: '留样复检合格',
      evidenceIds: ['e1'],
    };
    values.methods = ['five_why', 'fishbone'];
    values.fiveWhy = [{ why: ' 为什么？ ', because: '' }];
    values.fishbone.man = [{ text: ' 未戴发网 ', root: true }, { text: '  ' }];
    values.occurrenceCause = '  ';
    values.escapeCause = ' 无目检 ';
    values.verdict = 'isolated';
    values.productOutcome = 'exchange';
    expect(toSaveBody(values, 3)).toEqual({
      version: 3,
      checklist: {
        retained_sample: { status: 'done', reason: null, note: '留样复检合格', evidenceIds: ['e1'] },
        shipping_records: { status: 'not_applicable', reason: '门店自提', note: null, evidenceIds: [] },
      },
      methods: ['five_why', 'fishbone'],
      fiveWhy: [{ why: '为什么？', because: '' }],
      fishbone: { man: [{ text: '未戴发网', root: true }] },
      occurrenceCause: null,
      escapeCause: '无目检',
      failureMechanism: null,
      verdict: 'isolated',
      recallAnalysisNeeded: false,
      productOutcome: 'exchange',
    });
  });

  it('should read "no verdict" as the empty radio value and back', () => {
    const values = toFormValues({ ...blank, verdict: null });
    expect(values.verdict).toBe('');
    expect(toSaveBody({ ...values, verdict: 'batch' }, 1).verdict).toBe('batch');
  });

  it('should put a problem under its field and under the fields above it, not under a sibling', () => {
    const problems = [
      { path: 'checklist.field_visit', rule: 'R-INV-1', problem: 'field_visit_required' },
      { path: 'checklist.shipping_records.reason', rule: 'R-INV-1', problem: 'reason_required' },
      { path: 'fiveWhy.1.because', rule: 'R-INV-2', problem: 'text_required' },
    ];
    expect(problemsAt(problems, 'checklist.shipping_records').map((p) => p.problem)).toEqual([
      'reason_required',
    ]);
    expect(problemsAt(problems, 'fiveWhy').map((p) => p.path)).toEqual(['fiveWhy.1.because']);
    expect(problemsAt(problems, 'fiveWhy.1.why')).toEqual([]);
    expect(problemsAt(problems, 'checklist.field')).toEqual([]);
  });
});
