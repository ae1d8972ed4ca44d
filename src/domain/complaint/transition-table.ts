import type { ComplaintStatus } from './complaint-status';
import type { LifecycleCommandType } from './lifecycle-types';
import { LIFECYCLE_COMMAND_TYPES } from './lifecycle-command-types';

/** For one status: each command allowed there and the statuses it may lead to (itself = no status change). */
export type TransitionRow = Readonly<Partial<Record<LifecycleCommandType, readonly ComplaintStatus[]>>>;

/** Re-triage (R-CLS), re-assignment and the waiting toggles: allowed while the complaint is being handled. */
const handling = (status: ComplaintStatus) =>
  ({
    triage: [status],
    assign: [status],
    withdraw: ['withdrawn'],
    wait_on_customer: [status],
    customer_responded: [status],
  }) as const;

/** Withdrawal and the waiting toggles: allowed in every non-terminal status after registration. */
const always = (status: ComplaintStatus) =>
  ({
    withdraw: ['withdrawn'],
    wait_on_customer: [status],
    customer_responded: [status],
  }) as const;

/**
 * The (status, command) table of the complaint lifecycle (issue 3 §3, docs/complaint-lifecycle.md).
 * A command missing from a status's row is an `ILLEGAL_TRANSITION`; a command in the row may still be refused by
 * a permission (`COMMAND_PERMISSIONS`) or a guard (`findGuardFailure`, payload checks in `applyLifecycleCommand`).
 * Terminal statuses (closed, explained, not_valid, withdrawn, reopened) accept nothing.
 */
export const TRANSITION_TABLE: Readonly<Record<ComplaintStatus, TransitionRow>> = {
  received: { register: ['registered'], withdraw: ['withdrawn'] },
  registered: { triage: ['triaged'], declare_not_valid: ['not_valid'], ...always('registered') },
  triaged: {
    ...handling('triaged'),
    assign: ['assigned'],
    explain: ['explained'],
    declare_not_valid: ['not_valid'],
  },
  assigned: {
    ...handling('assigned'),
    start_investigation: ['investigating'],
    resolve: ['resolved'],
    explain: ['explained'],
    declare_not_valid: ['not_valid'],
  },
  investigating: {
    ...handling('investigating'),
    propose_solution: ['solution_proposed'],
    resolve: ['resolved'],
    explain: ['explained'],
    declare_not_valid: ['not_valid'],
  },
  solution_proposed: {
    ...handling('solution_proposed'),
    propose_solution: ['solution_proposed'],
    approve_solution: ['solution_proposed'],
    send_to_customer: ['awaiting_customer'],
    explain: ['explained'],
    declare_not_valid: ['not_valid'],
  },
  awaiting_customer: {
    ...handling('awaiting_customer'),
    customer_accept: ['agreed'],
    customer_reject: ['investigating'],
  },
  agreed: { ...handling('agreed'), start_execution: ['executing'] },
  executing: { ...handling('executing'), resolve: ['resolved'] },
  resolved: { start_follow_up: ['follow_up'], ...always('resolved') },
  follow_up: { record_follow_up: ['closed', 'reopened'], ...always('follow_up') },
  closed: {},
  explained: {},
  not_valid: {},
  withdrawn: {},
  reopened: {},
};

/** The commands in a status's row, in `LIFECYCLE_COMMAND_TYPES` order: what `ILLEGAL_TRANSITION.allowed` lists. */
export const findTableCommands = (status: ComplaintStatus): readonly LifecycleCommandType[] =>
  LIFECYCLE_COMMAND_TYPES.filter((type) => TRANSITION_TABLE[status][type] !== undefined);
