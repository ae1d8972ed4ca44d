import { describe, expect, it } from 'vitest';
import type { ComplaintStatus } from './complaint-status';
import { decideTransition } from './decide-transition';
import {
  AGENT,
  buildCommand as c,
  buildContext,
  buildState as s,
  DM1,
  happyPath as row,
  QE,
  SM,
  tablePairs,
  type HappyPath,
} from './lifecycle-state.factory';
import { TRANSITION_TABLE } from './transition-table';

const STATUSES: readonly ComplaintStatus[] = [
  'solution_proposed',
  'awaiting_customer',
  'agreed',
  'executing',
  'resolved',
  'follow_up',
];
const pending = { requiresApproval: true, approved: false };
const approved = { requiresApproval: true, approved: true };

/** Solution to closure: every specific (status, command) pair (issue 3 §3, R-RES-7, R-FUP-3). */
const ROWS: readonly HappyPath[] = [
  row(
    'revise the plan at the same level and reset its approval',
    s('solution_proposed', { proposal: approved }),
    c('propose_solution'),
    QE,
    {
      status: 'solution_proposed',
      proposers: ['u-qe'],
      proposal: { requiresApproval: false, approved: false },
    },
    ['solution_proposed'],
  ),
  row(
    'approve a plan proposed by someone else (R-APR-1)',
    s('solution_proposed', { proposal: pending }),
    c('approve_solution'),
    SM,
    { status: 'solution_proposed', proposal: approved },
    ['solution_approved'],
    ['R-APR-1'],
  ),
  row(
    'send a plan that needs no approval (R-RES-7)',
    s('solution_proposed'),
    c('send_to_customer'),
    DM1,
    { status: 'awaiting_customer' },
    ['sent_to_customer'],
    ['R-RES-7', 'R-FUP-1'],
  ),
  row(
    'send an approved plan (R-APR-1)',
    s('solution_proposed', { proposal: approved }),
    c('send_to_customer'),
    DM1,
    { status: 'awaiting_customer', proposal: approved },
    ['sent_to_customer'],
    ['R-RES-7', 'R-FUP-1'],
  ),
  row(
    'explain instead of sending the plan (R-CLS-6)',
    s('solution_proposed'),
    c('explain'),
    SM,
    { status: 'explained' },
    ['explained'],
    ['R-CLS-4', 'R-CLS-6'],
  ),
  row(
    'declare not valid instead of sending the plan',
    s('solution_proposed'),
    c('declare_not_valid'),
    SM,
    { status: 'not_valid' },
    ['declared_not_valid'],
    ['R-CLS-4'],
  ),
  row(
    'record the agreement with its execution deadline (R-RES-7)',
    s('awaiting_customer'),
    c('customer_accept'),
    AGENT,
    { status: 'agreed' },
    ['customer_accepted'],
    ['R-RES-7'],
  ),
  row(
    'end a wait when the customer accepts (R-RES-7)',
    s('awaiting_customer', { waitingOnCustomer: true }),
    c('customer_accept'),
    AGENT,
    { status: 'agreed', waitingOnCustomer: false },
    ['customer_responded', 'customer_accepted'],
    ['R-RES-7'],
  ),
  row(
    'send a rejected plan back for re-review (R-RES-7, R-ESC-2)',
    s('awaiting_customer'),
    c('customer_reject'),
    AGENT,
    { status: 'investigating', reviewLevel: 1, proposal: null, proposers: ['u-dm1'] },
    ['customer_rejected'],
    ['R-RES-7', 'R-ESC-2'],
  ),
  row(
    'start executing the agreed plan (R-RES-9)',
    s('agreed'),
    c('start_execution'),
    DM1,
    { status: 'executing' },
    ['execution_started'],
    ['R-RES-9'],
  ),
  row(
    'resolve after execution (R-FUP-2)',
    s('executing'),
    c('resolve'),
    DM1,
    { status: 'resolved' },
    ['resolved'],
    ['R-FUP-2'],
  ),
  row(
    'start the follow-up call (R-FUP-3)',
    s('resolved'),
    c('start_follow_up'),
    AGENT,
    { status: 'follow_up' },
    ['follow_up_started'],
    ['R-FUP-3'],
  ),
  row(
    'close on a satisfied follow-up (R-FUP-3)',
    s('follow_up'),
    c('record_follow_up'),
    AGENT,
    { status: 'closed' },
    ['follow_up_recorded', 'closed'],
    ['R-FUP-3'],
  ),
  row(
    'reopen on an unsatisfied follow-up (R-FUP-3)',
    s('follow_up', { waitingOnCustomer: true }),
    { type: 'record_follow_up', satisfied: false },
    AGENT,
    { status: 'reopened', waitingOnCustomer: false },
    ['follow_up_recorded', 'reopened'],
    ['R-FUP-3'],
  ),
];

describe('decideTransition from solution to closure (issue 3 §3)', () => {
  it.each(ROWS.map((r) => [r.name, r] as const))('should %s', (_name, r) => {
    const result = decideTransition(r.state, r.command, buildContext(r.actor));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.next).toEqual({ ...r.state, ...r.next });
    expect(result.value.events).toEqual(r.events);
    expect(result.value.rules.map((hit) => hit.rule)).toEqual(r.rules);
    expect(TRANSITION_TABLE[r.state.status][r.command.type]).toContain(result.value.next.status);
  });

  it('should cover every specific (status, command) pair of the table when the rows are counted', () => {
    const covered = new Set(ROWS.map((r) => `${r.state.status}:${r.command.type}`));
    expect([...covered].sort()).toEqual(tablePairs(STATUSES, false).sort());
  });
});
