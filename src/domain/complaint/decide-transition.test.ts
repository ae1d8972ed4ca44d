import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES } from './complaint-status';
import { decideTransition } from './decide-transition';
import {
  AGENT,
  buildCommand as c,
  buildContext,
  buildState as s,
  happyPath as row,
  LATER,
  QE,
  SM,
  tablePairs,
  type HappyPath,
} from './lifecycle-state.factory';
import type { LifecycleCommand } from './lifecycle-types';
import { findTableCommands, TRANSITION_TABLE } from './transition-table';

const reason = '客户说明 / customer statement';

const live = COMPLAINT_STATUSES.filter((status) => findTableCommands(status).length > 0);
const having = (type: LifecycleCommand['type']) =>
  live.filter((st) => TRANSITION_TABLE[st][type] !== undefined);
const inPlace = (type: LifecycleCommand['type']) =>
  having(type).filter((st) => TRANSITION_TABLE[st][type]?.includes(st));

/** The commands every handled status shares: withdraw, wait toggles, re-triage and re-assignment. */
const GENERATED: readonly HappyPath[] = [
  ...having('withdraw').map((st) =>
    row(
      'withdraw and stop waiting',
      s(st, { waitingOnCustomer: true }),
      c('withdraw'),
      AGENT,
      { status: 'withdrawn', waitingOnCustomer: false },
      ['withdrawn'],
    ),
  ),
  ...having('wait_on_customer').map((st) =>
    row(
      'start waiting on the customer (clocks pause)',
      s(st),
      { type: 'wait_on_customer', reason },
      AGENT,
      { status: st, waitingOnCustomer: true },
      ['waiting_on_customer'],
    ),
  ),
  ...having('customer_responded').map((st) =>
    row(
      'stop waiting on the customer (clocks resume)',
      s(st, { waitingOnCustomer: true }),
      c('customer_responded'),
      AGENT,
      { status: st, waitingOnCustomer: false },
      ['customer_responded'],
    ),
  ),
  ...inPlace('triage').map((st) =>
    row(
      're-triage without a status change',
      s(st, { classified: false }),
      c('triage'),
      QE,
      { status: st, classified: true },
      ['triaged'],
      ['R-AE-1'],
    ),
  ),
  ...inPlace('assign').map((st) =>
    row(
      're-assign without a status change',
      s(st),
      c('assign'),
      SM,
      { status: st, departmentId: 'd-quality', assigneeId: 'u-qe' },
      ['assigned'],
    ),
  ),
];

describe('decideTransition commands shared by every handled status (issue 3 §3)', () => {
  it.each(GENERATED.map((r) => [r.name, r] as const))('should %s', (_name, r) => {
    const result = decideTransition(r.state, r.command, buildContext(r.actor));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.next).toEqual({ ...r.state, ...r.next });
    expect(result.value.events).toEqual(r.events);
    expect(result.value.rules.map((hit) => hit.rule)).toEqual(r.rules);
    expect(TRANSITION_TABLE[r.state.status][r.command.type]).toContain(result.value.next.status);
  });

  it('should cover every shared (status, command) pair of the table when the rows are counted', () => {
    const covered = new Set(GENERATED.map((r) => `${r.state.status}:${r.command.type}`));
    expect([...covered].sort()).toEqual(tablePairs(live, true).sort());
  });

  it('should leave the given state untouched when deciding', () => {
    const state = s('awaiting_customer', { waitingOnCustomer: true });
    const copy = structuredClone(state);
    decideTransition(state, c('customer_reject'), buildContext(AGENT));
    expect(state).toEqual(copy);
  });

  it('should explain the rule hits with details when a plan is agreed (R-RES-7)', () => {
    const result = decideTransition(s('awaiting_customer'), c('customer_accept'), buildContext(AGENT));
    expect(result.ok && result.value.rules).toEqual([
      { rule: 'R-RES-7', detail: `execution_due:${LATER.toISOString()}` },
    ]);
  });

  it.each([
    [SM, 'owned_by_service_manager'],
    [AGENT, 'service_manager_must_own'],
  ] as const)(
    'should record who took ownership of a major complaint when %s assigns it (R-CLS-3)',
    (actor, detail) => {
      const result = decideTransition(s('triaged', { major: true }), c('assign'), buildContext(actor));
      expect(result.ok && result.value.rules).toEqual([
        { rule: 'R-SLA-13', detail: 'lead_department:d-quality' },
        { rule: 'R-CLS-3', detail },
      ]);
    },
  );
});
