import { assertNever } from '../shared/assert-never';
import { err, ok, type Result } from '../shared/result';
import type { RuleHit } from '../shared/rule-hit';
import type { ComplaintEventType, ComplaintStatus } from './complaint-status';
import { guardFailure } from './find-guard-failure';
import { findReviewerRole, isReviewChainExhausted } from './find-reviewer-role';
import type {
  LifecycleCommand,
  LifecycleContext,
  LifecycleDecision,
  LifecycleError,
  LifecycleState,
} from './lifecycle-types';

type Decided = Result<LifecycleDecision, LifecycleError>;

const decided = (next: LifecycleState, events: ComplaintEventType[], rules: RuleHit[] = []): Decided =>
  ok({ next, events, rules });

const isBlank = (text: string): boolean => text.trim().length === 0;

/** Moves to `status`, which stays the same for in-place commands. */
const moveTo = (state: LifecycleState, status: ComplaintStatus): LifecycleState => ({ ...state, status });

/** A terminal state is no longer waiting on anyone; its clocks stop with the terminal event. */
const end = (state: LifecycleState, status: ComplaintStatus): LifecycleState => ({
  ...state,
  status,
  waitingOnCustomer: false,
});

/** The customer answered: a pending wait ends, and `customer_responded` resumes the paused clocks. */
const answered = (state: LifecycleState): ComplaintEventType[] =>
  state.waitingOnCustomer ? ['customer_responded'] : [];

const triage = (state: LifecycleState): Decided => {
  const rules: RuleHit[] = [{ rule: 'R-AE-1', detail: `injury:${state.injury}` }];
  if (state.injury === 'serious' || state.injury === 'death') {
    rules.push({ rule: 'R-AE-2', detail: 'adverse_event_evaluation' });
  }
  if (state.major) rules.push({ rule: 'R-CLS-3', detail: 'service_manager_owns_gm_informed' });
  const status = state.status === 'registered' ? 'triaged' : state.status;
  return decided({ ...state, status, classified: true }, ['triaged'], rules);
};

const assign = (
  state: LifecycleState,
  command: Extract<LifecycleCommand, { type: 'assign' }>,
  ctx: LifecycleContext,
): Decided => {
  const { departmentId, assigneeId } = command;
  if (isBlank(departmentId)) return err(guardFailure('department_required', 'R-SLA-13'));
  if (assigneeId !== null && isBlank(assigneeId)) return err(guardFailure('assignee_valid'));
  if (state.status !== 'triaged' && state.departmentId === departmentId && state.assigneeId === assigneeId) {
    return err(guardFailure('assignment_changed'));
  }
  const events: ComplaintEventType[] = ['assigned'];
  const rules: RuleHit[] = [];
  if (state.departmentId === null) {
    events.push('lead_department_decided');
    rules.push({ rule: 'R-SLA-13', detail: `lead_department:${departmentId}` });
  }
  if (state.major) {
    const bySm = ctx.actor.roles.includes('service_manager');
    rules.push({ rule: 'R-CLS-3', detail: bySm ? 'owned_by_service_manager' : 'service_manager_must_own' });
  }
  const status = state.status === 'triaged' ? 'assigned' : state.status;
  return decided({ ...state, status, departmentId, assigneeId }, events, rules);
};

const proposeSolution = (
  state: LifecycleState,
  requiresApproval: boolean,
  ctx: LifecycleContext,
): Decided => {
  const rules: RuleHit[] = [];
  if (state.reviewLevel > 0) {
    const role = findReviewerRole(ctx.reviewChain, state.reviewLevel) ?? 'any';
    rules.push({ rule: 'R-ESC-2', detail: `re_review:${state.reviewLevel}:${role}` });
  }
  if (requiresApproval) rules.push({ rule: 'R-APR-1', detail: 'approval_required' });
  // proposers[level] is the proposer of that level: a revision at the same level replaces its entry.
  const proposers = [...state.proposers.slice(0, state.reviewLevel), ctx.actor.userId];
  const proposal = { requiresApproval, approved: false };
  return decided(
    { ...moveTo(state, 'solution_proposed'), proposers, proposal },
    ['solution_proposed'],
    rules,
  );
};

const customerAccept = (state: LifecycleState, executionDueAt: Date, ctx: LifecycleContext): Decided => {
  const due = executionDueAt instanceof Date ? executionDueAt.getTime() : Number.NaN;
  if (Number.isNaN(due)) return err(guardFailure('execution_due_after_now', 'R-RES-7', 'invalid_date'));
  if (due <= ctx.now.getTime()) {
    return err(guardFailure('execution_due_after_now', 'R-RES-7', `not_after:${ctx.now.toISOString()}`));
  }
  return decided(
    { ...moveTo(state, 'agreed'), waitingOnCustomer: false },
    [...answered(state), 'customer_accepted'],
    [{ rule: 'R-RES-7', detail: `execution_due:${executionDueAt.toISOString()}` }],
  );
};

const customerReject = (state: LifecycleState, reason: string, ctx: LifecycleContext): Decided => {
  if (isBlank(reason)) return err(guardFailure('reason_required', 'R-RES-7'));
  const { reviewChain } = ctx;
  const reviewLevel = state.reviewLevel + 1;
  const events: ComplaintEventType[] = [...answered(state), 'customer_rejected'];
  const rules: RuleHit[] = [{ rule: 'R-RES-7', detail: 'rejected_new_plan' }];
  if (isReviewChainExhausted(reviewChain, reviewLevel)) {
    rules.push({ rule: 'R-ESC-2', detail: 'chain_exhausted_final_ruling' });
  } else {
    const role = findReviewerRole(reviewChain, reviewLevel);
    if (role !== findReviewerRole(reviewChain, state.reviewLevel)) events.push('escalated');
    rules.push({ rule: 'R-ESC-2', detail: `re_review:${reviewLevel}:${role ?? 'any'}` });
  }
  const next = { ...moveTo(state, 'investigating'), reviewLevel, proposal: null, waitingOnCustomer: false };
  return decided(next, events, rules);
};

const reasoned = (
  state: LifecycleState,
  reason: string,
  status: ComplaintStatus,
  event: ComplaintEventType,
  rules: RuleHit[],
  rule?: string,
): Decided =>
  isBlank(reason) ? err(guardFailure('reason_required', rule)) : decided(end(state, status), [event], rules);

/**
 * Applies a command that `decideTransition` has already found in the table, permitted and past the state guards
 * (`findGuardFailure`): checks the payload, computes the next state and lists the events and rule hits.
 * See `decideTransition` for the business rules.
 */
export const applyLifecycleCommand = (
  state: LifecycleState,
  command: LifecycleCommand,
  ctx: LifecycleContext,
): Decided => {
  switch (command.type) {
    case 'register':
      return decided(
        moveTo(state, 'registered'),
        ['registered'],
        [{ rule: 'R-INT-4', detail: 'handed_off' }],
      );
    case 'triage':
      return triage(state);
    case 'assign':
      return assign(state, command, ctx);
    case 'start_investigation': {
      const assigneeId = state.assigneeId ?? ctx.actor.userId;
      const events: ComplaintEventType[] = state.assigneeId === null ? ['assigned'] : [];
      return decided({ ...moveTo(state, 'investigating'), assigneeId }, [...events, 'investigation_started']);
    }
    case 'propose_solution':
      return proposeSolution(state, command.requiresApproval, ctx);
    case 'approve_solution': {
      const proposal = state.proposal ? { ...state.proposal, approved: true } : null;
      return decided(
        { ...state, proposal },
        ['solution_approved'],
        [{ rule: 'R-APR-1', detail: 'four_eyes' }],
      );
    }
    case 'send_to_customer':
      return decided(
        moveTo(state, 'awaiting_customer'),
        ['sent_to_customer'],
        [
          { rule: 'R-RES-7', detail: 'awaiting_customer_decision' },
          { rule: 'R-FUP-1', detail: 'customer_informed' },
        ],
      );
    case 'customer_accept':
      return customerAccept(state, command.executionDueAt, ctx);
    case 'customer_reject':
      return customerReject(state, command.reason, ctx);
    case 'start_execution':
      return decided(
        moveTo(state, 'executing'),
        ['execution_started'],
        [{ rule: 'R-RES-9', detail: 'tracked' }],
      );
    case 'resolve': {
      if (isBlank(command.summary)) return err(guardFailure('summary_required', 'R-FUP-5'));
      const path = state.status === 'executing' ? 'after_execution' : `no_solution_needed:${state.kind}`;
      return decided(moveTo(state, 'resolved'), ['resolved'], [{ rule: 'R-FUP-2', detail: path }]);
    }
    case 'start_follow_up':
      return decided(
        moveTo(state, 'follow_up'),
        ['follow_up_started'],
        [{ rule: 'R-FUP-3', detail: 'call_back' }],
      );
    case 'record_follow_up':
      return command.satisfied
        ? decided(
            end(state, 'closed'),
            ['follow_up_recorded', 'closed'],
            [{ rule: 'R-FUP-3', detail: 'satisfied' }],
          )
        : decided(
            end(state, 'reopened'),
            ['follow_up_recorded', 'reopened'],
            [{ rule: 'R-FUP-3', detail: 'not_satisfied_new_linked_form' }],
          );
    case 'explain': {
      const rules: RuleHit[] = [
        { rule: 'R-CLS-4', detail: 'no_quality_problem_of_ours' },
        { rule: 'R-CLS-6', detail: 'explained_to_customer' },
      ];
      if (isReviewChainExhausted(ctx.reviewChain, state.reviewLevel)) {
        rules.push({ rule: 'R-ESC-2', detail: 'final_ruling' });
      }
      return reasoned(state, command.reason, 'explained', 'explained', rules, 'R-CLS-6');
    }
    case 'declare_not_valid':
      return reasoned(
        state,
        command.reason,
        'not_valid',
        'declared_not_valid',
        [{ rule: 'R-CLS-4', detail: 'not_valid' }],
        'R-CLS-4',
      );
    case 'withdraw':
      return reasoned(state, command.reason, 'withdrawn', 'withdrawn', []);
    case 'wait_on_customer':
      return isBlank(command.reason)
        ? err(guardFailure('reason_required'))
        : decided({ ...state, waitingOnCustomer: true }, ['waiting_on_customer']);
    case 'customer_responded':
      return decided({ ...state, waitingOnCustomer: false }, ['customer_responded']);
    default:
      return assertNever(command);
  }
};
