import { describe, expect, it } from 'vitest';
import { isNonPerformance, planExecutionTasks } from './plan-execution-tasks';

const due = new Date('2026-12-01T10:00:00Z');

describe('planExecutionTasks — R-RES-7 / R-RES-9', () => {
  it('should give money to finance, goods to the service manager, repairs to engineering', () => {
    const p = planExecutionTasks(
      [
        { kind: 'refund', amountFen: 4_000 },
        { kind: 'company_products', amountFen: 20_000 },
        { kind: 'repair', amountFen: 0 },
        { kind: 'cash', amountFen: 100_000 },
      ],
      due,
    );
    expect(p.tasks.map((t) => [t.kind, t.ownerRole, t.amountFen])).toEqual([
      ['refund', 'finance', 4_000],
      ['ship_products', 'service_manager', 20_000],
      ['repair', 'engineer', 0],
      ['pay_cash', 'finance', 100_000],
    ]);
    expect(p.tasks.every((t) => t.dueAt === due)).toBe(true);
  });

  it('should need no task for an apology', () => {
    expect(planExecutionTasks([{ kind: 'apology', amountFen: 0 }], due)).toEqual({
      tasks: [],
      rules: [{ rule: 'R-RES-9', detail: 'nothing_to_execute' }],
    });
  });

  it('should call an open task past due non-performance once', () => {
    const after = new Date(due.getTime() + 1);
    expect(isNonPerformance({ status: 'open', dueAt: due, escalatedAt: null }, after)).toBe(true);
    expect(isNonPerformance({ status: 'open', dueAt: due, escalatedAt: null }, due)).toBe(false);
    expect(isNonPerformance({ status: 'open', dueAt: due, escalatedAt: after }, after)).toBe(false);
    expect(isNonPerformance({ status: 'done', dueAt: due, escalatedAt: null }, after)).toBe(false);
  });
});
