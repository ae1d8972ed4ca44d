import { describe, expect, it } from 'vitest';
import type { ComplaintStatus } from './complaint-status';
import { decideTransition } from './decide-transition';
import { LIFECYCLE_COMMAND_TYPES } from './lifecycle-command-types';
import {
  AGENT,
  buildActor,
  buildCommand as c,
  buildContext,
  buildState as s,
  DM1,
  DM2,
  ENGINEER,
  GM,
  NOW,
  QE,
  SM,
  SUPERVISOR,
} from './lifecycle-state.factory';
import type {
  LifecycleActor,
  LifecycleCommand,
  LifecycleCommandType,
  LifecycleState,
} from './lifecycle-types';

const PRODUCTION = buildActor('u-prod', ['production']);
const pending = { requiresApproval: true, approved: false };
const approved = { requiresApproval: true, approved: true };
const plain = { requiresApproval: false, approved: false };

/** For every command: a status where it is legal and an actor whose roles lack its permission (R-SEC-1). */
const FORBIDDEN: readonly [LifecycleCommandType, ComplaintStatus, LifecycleActor, string][] = [
  ['register', 'received', ENGINEER, 'complaint.create'],
  ['triage', 'registered', ENGINEER, 'complaint.triage'],
  ['assign', 'triaged', QE, 'complaint.assign'],
  ['start_investigation', 'assigned', AGENT, 'complaint.investigate'],
  ['propose_solution', 'investigating', AGENT, 'complaint.propose'],
  ['approve_solution', 'solution_proposed', QE, 'complaint.approve'],
  ['send_to_customer', 'solution_proposed', AGENT, 'complaint.propose'],
  ['customer_accept', 'awaiting_customer', GM, 'complaint.update'],
  ['customer_reject', 'awaiting_customer', SUPERVISOR, 'complaint.update'],
  ['start_execution', 'agreed', AGENT, 'complaint.resolve'],
  ['resolve', 'executing', ENGINEER, 'complaint.resolve'],
  ['start_follow_up', 'resolved', QE, 'complaint.follow_up'],
  ['record_follow_up', 'follow_up', QE, 'complaint.follow_up'],
  ['explain', 'triaged', AGENT, 'complaint.close'],
  ['declare_not_valid', 'registered', QE, 'complaint.close'],
  ['withdraw', 'received', SUPERVISOR, 'complaint.update'],
  ['wait_on_customer', 'registered', GM, 'complaint.update'],
  ['customer_responded', 'registered', PRODUCTION, 'complaint.update'],
];

type GuardRow = readonly [string, LifecycleState, LifecycleCommand, LifecycleActor, string, string?, string?];
const blank = '   ';

/** Every guard outside the re-review chain (see decide-transition-review.test.ts for R-ESC-2). */
const GUARDS: readonly GuardRow[] = [
  [
    'someone else starts the assignee’s investigation',
    s('assigned'),
    c('start_investigation'),
    QE,
    'actor_is_assignee',
    undefined,
    'assignee:u-dm1',
  ],
  [
    'the lead department is blank',
    s('triaged'),
    { type: 'assign', departmentId: blank, assigneeId: null },
    AGENT,
    'department_required',
    'R-SLA-13',
  ],
  [
    'the assignee id is blank',
    s('triaged'),
    { type: 'assign', departmentId: 'd-quality', assigneeId: '' },
    AGENT,
    'assignee_valid',
  ],
  [
    'a re-assignment changes nothing',
    s('investigating'),
    { type: 'assign', departmentId: 'd-after-sales', assigneeId: 'u-dm1' },
    SM,
    'assignment_changed',
  ],
  [
    'there is no proposal to approve',
    s('solution_proposed', { proposal: null }),
    c('approve_solution'),
    SM,
    'proposal_present',
  ],
  [
    'the proposal asks for no approval',
    s('solution_proposed', { proposal: plain }),
    c('approve_solution'),
    SM,
    'approval_requested',
    'R-APR-1',
  ],
  [
    'the proposal is already approved',
    s('solution_proposed', { proposal: approved }),
    c('approve_solution'),
    SM,
    'not_yet_approved',
    'R-APR-1',
  ],
  [
    'the proposer approves their own plan',
    s('solution_proposed', { proposal: pending }),
    c('approve_solution'),
    DM1,
    'four_eyes',
    'R-APR-1',
  ],
  [
    'there is no proposal to send',
    s('solution_proposed', { proposal: null }),
    c('send_to_customer'),
    DM1,
    'proposal_present',
  ],
  [
    'a plan needing approval is not approved',
    s('solution_proposed', { proposal: pending }),
    c('send_to_customer'),
    DM1,
    'solution_approved',
    'R-APR-1',
  ],
  [
    'the customer accepts without a plan',
    s('awaiting_customer', { proposal: null }),
    c('customer_accept'),
    AGENT,
    'proposal_present',
    'R-RES-7',
  ],
  [
    'the customer rejects without a plan',
    s('awaiting_customer', { proposal: null }),
    c('customer_reject'),
    AGENT,
    'proposal_present',
    'R-RES-7',
  ],
  [
    'the execution deadline is now',
    s('awaiting_customer'),
    { type: 'customer_accept', executionDueAt: NOW },
    AGENT,
    'execution_due_after_now',
    'R-RES-7',
    `not_after:${NOW.toISOString()}`,
  ],
  [
    'the execution deadline has passed',
    s('awaiting_customer'),
    { type: 'customer_accept', executionDueAt: new Date('2026-05-01T00:00:00Z') },
    AGENT,
    'execution_due_after_now',
    'R-RES-7',
    `not_after:${NOW.toISOString()}`,
  ],
  [
    'the execution deadline is not a date',
    s('awaiting_customer'),
    { type: 'customer_accept', executionDueAt: new Date(Number.NaN) },
    AGENT,
    'execution_due_after_now',
    'R-RES-7',
    'invalid_date',
  ],
  [
    'a rejection has no reason',
    s('awaiting_customer'),
    { type: 'customer_reject', reason: blank },
    AGENT,
    'reason_required',
    'R-RES-7',
  ],
  [
    'a complaint skips the solution',
    s('investigating'),
    c('resolve'),
    DM1,
    'kind_without_solution',
    undefined,
    'kind:complaint',
  ],
  [
    'an internal report skips the solution',
    s('assigned', { kind: 'internal_report' }),
    c('resolve'),
    DM1,
    'kind_without_solution',
    undefined,
    'kind:internal_report',
  ],
  [
    'the resolution has no summary',
    s('executing'),
    { type: 'resolve', summary: '' },
    DM1,
    'summary_required',
    'R-FUP-5',
  ],
  [
    'an explanation has no reason',
    s('investigating'),
    { type: 'explain', reason: blank },
    DM1,
    'reason_required',
    'R-CLS-6',
  ],
  [
    'a not-valid declaration has no reason',
    s('registered'),
    { type: 'declare_not_valid', reason: '' },
    DM1,
    'reason_required',
    'R-CLS-4',
  ],
  ['a withdrawal has no reason', s('agreed'), { type: 'withdraw', reason: blank }, AGENT, 'reason_required'],
  [
    'a wait has no reason',
    s('investigating'),
    { type: 'wait_on_customer', reason: '' },
    AGENT,
    'reason_required',
  ],
  [
    'the complaint already waits on the customer',
    s('investigating', { waitingOnCustomer: true }),
    c('wait_on_customer'),
    AGENT,
    'not_waiting_on_customer',
  ],
  [
    'the complaint is not waiting on the customer',
    s('investigating'),
    c('customer_responded'),
    AGENT,
    'waiting_on_customer',
  ],
];

describe('decideTransition guards and permissions (issue 3 §3, R-SEC-1)', () => {
  it('should name every command once when the permission table is listed', () => {
    expect(FORBIDDEN.map(([type]) => type)).toEqual([...LIFECYCLE_COMMAND_TYPES]);
  });

  it.each(FORBIDDEN)(
    'should answer FORBIDDEN when %s comes in %s from an actor without the permission',
    (type, status, actor, permission) => {
      const state = s(status, { waitingOnCustomer: type === 'customer_responded', proposal: pending });
      expect(decideTransition(state, c(type), buildContext(actor))).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', permission },
      });
    },
  );

  it.each(GUARDS.map((row) => [row[0], row] as const))('should refuse when %s', (_name, row) => {
    const [, state, command, actor, guard, rule, detail] = row;
    const result = decideTransition(state, command, buildContext(actor));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'TRANSITION_GUARD_FAILED',
        guard,
        ...(rule === undefined ? {} : { rule }),
        ...(detail === undefined ? {} : { detail }),
      },
    });
  });

  it('should answer ILLEGAL_TRANSITION before FORBIDDEN when the command is not in the table', () => {
    const result = decideTransition(s('awaiting_customer'), c('explain'), buildContext(AGENT));
    expect(result.ok || result.error.code).toBe('ILLEGAL_TRANSITION');
  });

  it('should answer FORBIDDEN before a guard when the actor lacks the permission', () => {
    const result = decideTransition(s('investigating'), c('customer_responded'), buildContext(ENGINEER));
    expect(result.ok || result.error.code).toBe('TRANSITION_GUARD_FAILED');
    const refused = decideTransition(s('investigating'), c('customer_responded'), buildContext(PRODUCTION));
    expect(refused.ok || refused.error).toEqual({ code: 'FORBIDDEN', permission: 'complaint.update' });
  });

  it('should let a dispatcher start the assignee’s investigation when it holds complaint.assign', () => {
    const byDm2 = decideTransition(s('assigned'), c('start_investigation'), buildContext(DM2));
    expect(byDm2.ok && byDm2.value.next).toEqual(s('investigating'));
    const byEngineer = decideTransition(s('assigned'), c('start_investigation'), buildContext(ENGINEER));
    expect(byEngineer.ok || byEngineer.error).toMatchObject({ guard: 'actor_is_assignee' });
  });
});
