import { describe, expect, it } from 'vitest';
import {
  computeNotificationDueAt,
  computeRecallProgress,
  decideRecallCompletion,
  decideTargetUpdate,
  planRecallTargets,
  type CompletionInput,
  type ShipmentLine,
  type TargetState,
} from './plan-recall';

const shipments: ShipmentLine[] = [
  { customerId: 'c-zz', region: '河南', batchNo: 'B1', quantity: 600 },
  { customerId: 'c-zz', region: '河南', batchNo: 'B1', quantity: 400 },
  { customerId: 'c-ly', region: '河南', batchNo: 'B1', quantity: 500 },
  { customerId: null, region: '河南', batchNo: 'B2', quantity: 200 },
  { customerId: 'c-sh', region: '华东', batchNo: 'B1', quantity: 800 },
  { customerId: 'c-sh', region: '华东', batchNo: 'B3', quantity: 999 },
];

describe('planRecallTargets — R-BAT-5 targets from shipments', () => {
  it('R-BAT-5 should sum per customer, region and batch within the scope', () => {
    const r = planRecallTargets(shipments, { batches: ['B1', 'B2'], regions: ['河南'] });
    expect(r.ok && r.value.targets).toEqual([
      { customerId: 'c-ly', region: '河南', batchNo: 'B1', quantity: 500 },
      { customerId: 'c-zz', region: '河南', batchNo: 'B1', quantity: 1000 },
      { customerId: null, region: '河南', batchNo: 'B2', quantity: 200 },
    ]);
    expect(r.ok && r.value.unitsInScope).toBe(1700);
    expect(r.ok && r.value.scope).toEqual({ batches: ['B1', 'B2'], regions: ['河南'] });
  });

  it('R-BAT-5 should reach every region the batches went to when no region is named', () => {
    const r = planRecallTargets(shipments, { batches: ['B1'], regions: null });
    expect(r.ok && r.value.scope.regions).toEqual(['华东', '河南'].sort());
    expect(r.ok && r.value.unitsInScope).toBe(2300);
  });

  it('R-BAT-5 should refuse a scope that reaches no shipment', () => {
    expect(planRecallTargets(shipments, { batches: ['B3'], regions: ['河南'] })).toMatchObject({
      ok: false,
      error: { code: 'RECALL_SCOPE_EMPTY' },
    });
  });
});

describe('notice time by class (医疗器械召回管理办法 I/II/III: 1/3/7 days)', () => {
  const start = new Date('2026-03-05T02:00:00Z');
  it.each([
    ['I', '2026-03-06T02:00:00.000Z'],
    ['II', '2026-03-08T02:00:00.000Z'],
    ['III', '2026-03-12T02:00:00.000Z'],
  ] as const)('R-BAT-5 should give class %s until %s', (cls, at) => {
    expect(computeNotificationDueAt(start, cls).toISOString()).toBe(at);
  });
});

const target = (over: Partial<TargetState> = {}): TargetState => ({
  id: 't1',
  quantity: 100,
  notifiedAt: null,
  recoveredQuantity: 0,
  ...over,
});
const now = new Date('2026-03-06T00:00:00Z');
const running = { status: 'in_progress' as const, notificationDueAt: new Date('2026-03-06T02:00:00Z') };

describe('computeRecallProgress — R-BAT-5 progress %', () => {
  it.each([
    [[], 0],
    [[target({ recoveredQuantity: 0 })], 0],
    [[target({ quantity: 3, recoveredQuantity: 1 })], 33.3],
    [[target({ quantity: 3, recoveredQuantity: 2 })], 66.6],
    [[target({ quantity: 2000, recoveredQuantity: 1999 })], 99.9],
    [[target({ quantity: 100, recoveredQuantity: 100 })], 100],
    [
      [target({ quantity: 600, recoveredQuantity: 450 }), target({ quantity: 400, recoveredQuantity: 0 })],
      45,
    ],
  ])('R-BAT-5 should compute units recovered ÷ units in scope, rounded down (%#)', (targets, percent) => {
    expect(computeRecallProgress(targets).percent).toBe(percent);
  });
});

describe('decideTargetUpdate', () => {
  it('should stamp the notice once and keep it on repeats', () => {
    const r = decideTargetUpdate(running, target(), { notified: true }, now);
    expect(r).toMatchObject({
      ok: true,
      value: { notifiedAt: now, rules: [{ rule: 'R-BAT-5', detail: 'notified' }] },
    });
    const earlier = new Date('2026-03-05T10:00:00Z');
    expect(
      decideTargetUpdate(running, target({ notifiedAt: earlier }), { notified: true }, now),
    ).toMatchObject({
      ok: true,
      value: { notifiedAt: earlier, rules: [] },
    });
  });

  it('R-BAT-5 should flag a notice after the class deadline', () => {
    const late = new Date('2026-03-07T00:00:00Z');
    expect(decideTargetUpdate(running, target(), { notified: true }, late)).toMatchObject({
      ok: true,
      value: { rules: [{ rule: 'R-BAT-5', detail: 'notified_after_class_deadline' }] },
    });
  });

  it('should refuse recovery above the quantity or before notification, and any change once completed', () => {
    expect(
      decideTargetUpdate(running, target({ notifiedAt: now }), { recoveredQuantity: 101 }, now),
    ).toMatchObject({
      ok: false,
      error: { code: 'RECALL_RECOVERY_INVALID', details: { reason: 'exceeds_quantity' } },
    });
    expect(decideTargetUpdate(running, target(), { recoveredQuantity: 5 }, now)).toMatchObject({
      ok: false,
      error: { code: 'RECALL_RECOVERY_INVALID', details: { reason: 'not_notified' } },
    });
    expect(
      decideTargetUpdate(running, target(), { notified: true, recoveredQuantity: 5 }, now),
    ).toMatchObject({
      ok: true,
      value: { recoveredQuantity: 5 },
    });
    expect(
      decideTargetUpdate({ ...running, status: 'completed' }, target(), { notified: true }, now),
    ).toMatchObject({ ok: false, error: { code: 'RECALL_NOT_IN_PROGRESS' } });
  });
});

describe('decideRecallCompletion — R-BAT-5 completion report', () => {
  const report: CompletionInput = {
    disposal: 'destroyed',
    disposalNote: '2026-03-20 在基地监督销毁',
    effectiveness: 'effective',
    effectivenessNote: '回收率 95%，无新增投诉',
    remainingRisk: '已售出部分已过保质期，风险低',
  };

  it('R-BAT-5 should refuse to complete while a target has not been notified', () => {
    const r = decideRecallCompletion(
      running,
      [target({ id: 'a', notifiedAt: now }), target({ id: 'b' })],
      report,
      now,
    );
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'RECALL_TARGETS_NOT_NOTIFIED', details: { targetIds: ['b'] } },
    });
  });

  it('R-BAT-5 should report units, percentage, late notices and the stated fields', () => {
    const late = new Date('2026-03-07T00:00:00Z');
    const r = decideRecallCompletion(
      running,
      [
        target({ id: 'a', notifiedAt: now, quantity: 600, recoveredQuantity: 570 }),
        target({ id: 'b', notifiedAt: late, quantity: 400, recoveredQuantity: 380 }),
      ],
      report,
      now,
    );
    expect(r).toMatchObject({
      ok: true,
      value: {
        report: {
          ...report,
          unitsInScope: 1000,
          unitsRecovered: 950,
          percent: 95,
          targetsTotal: 2,
          targetsNotifiedLate: 1,
          completedAt: now.toISOString(),
        },
      },
    });
    expect(decideRecallCompletion({ ...running, status: 'completed' }, [], report, now)).toMatchObject({
      ok: false,
      error: { code: 'RECALL_NOT_IN_PROGRESS' },
    });
  });
});
