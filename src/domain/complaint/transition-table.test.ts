import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES, TERMINAL_STATUSES, isTerminal, type ComplaintStatus } from './complaint-status';
import { decideTransition } from './decide-transition';
import { LIFECYCLE_COMMAND_TYPES } from './lifecycle-command-types';
import { buildCommand, buildContext, buildState, SM } from './lifecycle-state.factory';
import type { LifecycleCommandType } from './lifecycle-types';
import { findTableCommands, TRANSITION_TABLE } from './transition-table';

const WAITING = ['withdraw', 'wait_on_customer', 'customer_responded'] as const;

/** Status, an illegal command there, and the exact `allowed` list of the 409 (issue 3 §3). */
const ILLEGAL: readonly [ComplaintStatus, LifecycleCommandType, readonly LifecycleCommandType[]][] = [
  ['received', 'triage', ['register', 'withdraw']],
  ['registered', 'assign', ['triage', 'declare_not_valid', ...WAITING]],
  ['triaged', 'start_investigation', ['triage', 'assign', 'explain', 'declare_not_valid', ...WAITING]],
  [
    'assigned',
    'propose_solution',
    ['triage', 'assign', 'start_investigation', 'resolve', 'explain', 'declare_not_valid', ...WAITING],
  ],
  [
    'investigating',
    'send_to_customer',
    ['triage', 'assign', 'propose_solution', 'resolve', 'explain', 'declare_not_valid', ...WAITING],
  ],
  [
    'solution_proposed',
    'customer_accept',
    [
      'triage',
      'assign',
      'propose_solution',
      'approve_solution',
      'send_to_customer',
      'explain',
      'declare_not_valid',
      ...WAITING,
    ],
  ],
  ['awaiting_customer', 'explain', ['triage', 'assign', 'customer_accept', 'customer_reject', ...WAITING]],
  ['agreed', 'resolve', ['triage', 'assign', 'start_execution', ...WAITING]],
  ['executing', 'start_follow_up', ['triage', 'assign', 'resolve', ...WAITING]],
  ['resolved', 'record_follow_up', ['start_follow_up', ...WAITING]],
  ['follow_up', 'register', ['record_follow_up', ...WAITING]],
  ['closed', 'withdraw', []],
  ['explained', 'triage', []],
  ['not_valid', 'assign', []],
  ['withdrawn', 'customer_responded', []],
  ['reopened', 'record_follow_up', []],
];

describe('lifecycle transition table (issue 3 §3)', () => {
  it('should cover every status exactly once when the illegal-command table is listed', () => {
    expect(ILLEGAL.map(([status]) => status)).toEqual([...COMPLAINT_STATUSES]);
  });

  it.each(ILLEGAL)(
    'should answer ILLEGAL_TRANSITION with the allowed commands when %s receives %s',
    (status, command, allowed) => {
      const result = decideTransition(buildState(status), buildCommand(command), buildContext(SM));
      expect(result).toEqual({ ok: false, error: { code: 'ILLEGAL_TRANSITION', status, allowed } });
      expect(findTableCommands(status)).toEqual(allowed);
    },
  );

  it.each(TERMINAL_STATUSES)('should accept no command at all when the complaint is %s', (status) => {
    expect(findTableCommands(status)).toEqual([]);
    for (const type of LIFECYCLE_COMMAND_TYPES) {
      const result = decideTransition(buildState(status), buildCommand(type), buildContext(SM));
      expect(result).toEqual({ ok: false, error: { code: 'ILLEGAL_TRANSITION', status, allowed: [] } });
    }
  });

  it.each(COMPLAINT_STATUSES.filter((s) => !isTerminal(s)))(
    'should allow withdrawing into withdrawn when the complaint is %s',
    (status) => {
      expect(TRANSITION_TABLE[status].withdraw).toEqual(['withdrawn']);
    },
  );

  it('should lead only into known statuses and be empty only for terminal statuses when the table is read', () => {
    for (const status of COMPLAINT_STATUSES) {
      for (const targets of Object.values(TRANSITION_TABLE[status])) {
        for (const target of targets) expect(COMPLAINT_STATUSES).toContain(target);
      }
      expect(findTableCommands(status).length === 0).toBe(isTerminal(status));
    }
  });

  it('should reach every status from received when the table is walked', () => {
    const reached = new Set<ComplaintStatus>(['received']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const status of [...reached]) {
        for (const targets of Object.values(TRANSITION_TABLE[status])) {
          for (const target of targets) {
            if (reached.has(target)) continue;
            reached.add(target);
            grew = true;
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...COMPLAINT_STATUSES].sort());
  });
});
