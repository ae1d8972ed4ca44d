import { describe, expect, it } from 'vitest';
import type { Complaint, CostAllocationView } from '../../app/api-types';
import {
  defaultTotalFen,
  findShareProblem,
  formatBp,
  percentToBp,
  previewAmounts,
  rowsFromAllocation,
  rowsFromSuggestion,
  toPutBody,
  type ShareRow,
} from './cost-allocation-form';

const row = (over: Partial<ShareRow>): ShareRow => ({
  key: 'k',
  partyKind: 'production_department',
  partyName: '二车间',
  departmentId: null,
  percent: 100,
  reason: '',
  ...over,
});

const complaint = {
  departmentId: 'd-prod',
  departmentName: '部门 PROD',
  customer: { name: '王女士' },
  product: { purchasePlace: '华联超市' },
} as unknown as Complaint;

const view = (over: Partial<CostAllocationView> = {}): CostAllocationView => ({
  complaintId: 'c1',
  complaintNumber: 'TS-2026-000001',
  totalFen: 0,
  allocations: [],
  suggestion: { partyKind: 'production_department', basis: 'stage', rules: [{ rule: 'R-RES-8' }] },
  ledger: { proposedFen: 100000, approvedFen: 100000, agreedFen: 100000, paidFen: 100000 },
  ...over,
});

describe('shares in basis points', () => {
  it.each([
    [100, 10000],
    [33.33, 3333],
    [0.01, 1],
    [12.5, 1250],
    [null, 0],
  ])('should send %s %% as %i bp', (pct, bp) => expect(percentToBp(pct)).toBe(bp));

  it('should show basis points as a percentage with two decimals', () => {
    expect(formatBp(10000)).toBe('100.00');
    expect(formatBp(3333)).toBe('33.33');
  });
});

describe('findShareProblem', () => {
  it('should accept one party at 100 % when it is named', () => {
    expect(findShareProblem([row({})], 100000)).toBeNull();
  });

  it('should refuse shares that do not add up to 100 % when a third is missing a hundredth', () => {
    const thirds = [
      row({ key: 'a', partyName: 'A', percent: 33.33 }),
      row({ key: 'b', partyName: 'B', percent: 33.33 }),
      row({ key: 'c', partyName: 'C', percent: 33.33 }),
    ];
    expect(findShareProblem(thirds, 100)).toBe('sum');
    expect(findShareProblem([...thirds.slice(0, 2), { ...thirds[2]!, percent: 33.34 }], 100)).toBeNull();
  });

  it('should refuse a party without a name, the same party twice and a missing total', () => {
    expect(findShareProblem([row({ partyName: '  ' })], 100)).toBe('name');
    expect(
      findShareProblem(
        [row({ key: 'a', percent: 50 }), row({ key: 'b', partyName: ' 二车间 ', percent: 50 })],
        100,
      ),
    ).toBe('duplicate');
    expect(findShareProblem([row({})], null)).toBe('total');
  });
});

describe('prefill and body', () => {
  it('should start from the suggested party at 100 % with the department the complaint is assigned to', () => {
    expect(rowsFromSuggestion(view(), complaint)).toEqual([
      expect.objectContaining({
        partyKind: 'production_department',
        partyName: '部门 PROD',
        departmentId: 'd-prod',
        percent: 100,
      }),
    ]);
  });

  it('should default the total to the larger of agreed and paid when nothing is stored, else the stored total', () => {
    expect(
      defaultTotalFen(view({ ledger: { proposedFen: 0, approvedFen: 0, agreedFen: 500, paidFen: 800 } })),
    ).toBe(800);
    const stored = view({
      totalFen: 1234,
      allocations: [
        {
          id: 'a1',
          partyKind: 'supplier',
          partyName: '甲包材',
          departmentId: null,
          shareBp: 10000,
          amountFen: 1234,
          rule: '封口膜批次不良',
          transferFormNo: 'ZY-2026-000001',
          deductionNoticeNo: 'KK-2026-000001',
          documents: { transferForm: true, deductionNotice: true, customerCharge: false },
          forms: { transfer: '/t', deduction: '/d' },
          createdAt: '2026-03-01T00:00:00.000Z',
        },
      ],
    });
    expect(defaultTotalFen(stored)).toBe(1234);
    // The stored basis comes back as the reason, so saving it unchanged keeps the form numbers.
    expect(rowsFromAllocation(stored)).toEqual([
      expect.objectContaining({ partyKind: 'supplier', percent: 100, reason: '封口膜批次不良' }),
    ]);
  });

  it('should preview the amounts the server computes, to the fen, when the total does not divide evenly', () => {
    expect(
      previewAmounts(10001, [row({ key: 'a', percent: 60 }), row({ key: 'b', partyName: 'B', percent: 40 })]),
    ).toEqual([6001, 4000]);
  });

  it('should send trimmed names, basis points, the department only for production and no blank reason', () => {
    expect(
      toPutBody(
        [
          row({ key: 'a', partyName: ' 二车间 ', departmentId: 'd1', percent: 60 }),
          row({
            key: 'b',
            partyKind: 'supplier',
            partyName: '甲',
            departmentId: 'd1',
            percent: 40,
            reason: ' 批次不良 ',
          }),
        ],
        10001,
        'bad_seal',
      ),
    ).toEqual({
      totalFen: 10001,
      cause: 'bad_seal',
      shares: [
        { partyKind: 'production_department', partyName: '二车间', departmentId: 'd1', shareBp: 6000 },
        { partyKind: 'supplier', partyName: '甲', departmentId: null, shareBp: 4000, reason: '批次不良' },
      ],
    });
  });
});
