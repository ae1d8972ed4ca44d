import { describe, expect, it } from 'vitest';
import { decideTransition } from './decide-transition';
import { DEFAULT_REVIEW_CHAIN } from './default-review-chain';
import { findAllowedCommands } from './find-allowed-commands';
import { findReviewerRole, isReviewChainExhausted } from './find-reviewer-role';
import {
  AGENT,
  buildCommand as c,
  buildContext,
  buildState,
  DM1,
  DM2,
  GM,
  NOW,
  QE,
  SM,
} from './lifecycle-state.factory';
import type {
  LifecycleActor,
  LifecycleCommand,
  LifecycleDecision,
  LifecycleState,
  ReviewChain,
} from './lifecycle-types';

/** Applies a command that must succeed and returns the decision. */
const step = (
  state: LifecycleState,
  command: LifecycleCommand,
  actor: LifecycleActor,
  reviewChain: ReviewChain = DEFAULT_REVIEW_CHAIN,
): LifecycleDecision => {
  const result = decideTransition(state, command, buildContext(actor, { reviewChain }));
  if (!result.ok) throw new Error(`${command.type} refused: ${JSON.stringify(result.error)}`);
  return result.value;
};

/** Proposes, sends and has the customer reject one plan; returns the rejection. */
const rejectPlanOf = (state: LifecycleState, proposer: LifecycleActor, chain?: ReviewChain) => {
  const proposed = step(state, c('propose_solution'), proposer, chain).next;
  const sent = step(proposed, c('send_to_customer'), proposer, chain).next;
  return step(sent, c('customer_reject'), AGENT, chain);
};

const start = buildState('investigating', { assigneeId: 'u-qe' });
const exhausted = buildState('investigating', {
  reviewLevel: 4,
  proposers: ['u-qe', 'u-dm1', 'u-sm', 'u-gm'],
  proposal: null,
});

describe('R-ESC-2 re-review chain and R-APR-1 approval', () => {
  it('should walk up to the GM when the customer rejects three plans (R-ESC-2, R-RES-7)', () => {
    const first = rejectPlanOf(start, QE);
    expect(first.next).toMatchObject({ status: 'investigating', reviewLevel: 1, proposal: null });
    expect(first.events).toEqual(['customer_rejected']);
    expect(first.rules).toEqual([
      { rule: 'R-RES-7', detail: 'rejected_new_plan' },
      { rule: 'R-ESC-2', detail: 're_review:1:department_manager' },
    ]);
    const second = rejectPlanOf(first.next, DM1);
    expect(second.next.reviewLevel).toBe(2);
    expect(second.events).toEqual(['customer_rejected', 'escalated']);
    const third = rejectPlanOf(second.next, SM);
    expect(third.next.reviewLevel).toBe(3);
    expect(third.events).toEqual(['customer_rejected', 'escalated']);
    expect(third.rules[1]).toEqual({ rule: 'R-ESC-2', detail: 're_review:3:general_manager' });
    const byGm = step(third.next, c('propose_solution'), GM);
    expect(byGm.next.proposers).toEqual(['u-qe', 'u-dm1', 'u-sm', 'u-gm']);
    expect(byGm.rules).toEqual([{ rule: 'R-ESC-2', detail: 're_review:3:general_manager' }]);
  });

  it.each([
    ['the first proposer re-reviews', 1, ['u-dm1'], DM1, 'different_reviewer', 'previous_proposer:u-dm1'],
    [
      'a quality engineer re-reviews at level 1',
      1,
      ['u-dm1'],
      QE,
      'reviewer_role',
      'requires:department_manager',
    ],
    [
      'a department manager re-reviews at level 2',
      2,
      ['u-qe', 'u-dm1'],
      DM2,
      'reviewer_role',
      'requires:service_manager',
    ],
    [
      'the service manager re-reviews their own level-0 plan',
      2,
      ['u-sm', 'u-dm1'],
      SM,
      'different_reviewer',
      'previous_proposer:u-sm',
    ],
    [
      'a service manager re-reviews at the GM level',
      3,
      ['u-qe', 'u-dm1', 'u-dm2'],
      SM,
      'reviewer_role',
      'requires:general_manager',
    ],
    [
      'anyone proposes after the GM’s plan was rejected',
      4,
      ['u-qe', 'u-dm1', 'u-sm', 'u-gm'],
      GM,
      'review_chain_open',
      'level:4',
    ],
  ] as const)(
    'should refuse the plan when %s (R-ESC-2)',
    (_name, reviewLevel, proposers, actor, guard, detail) => {
      const state = buildState('investigating', { reviewLevel, proposers });
      expect(decideTransition(state, c('propose_solution'), buildContext(actor))).toEqual({
        ok: false,
        error: { code: 'TRANSITION_GUARD_FAILED', guard, rule: 'R-ESC-2', detail },
      });
    },
  );

  it('should let the reviewer of a level revise their own plan when it is not yet sent (R-ESC-2)', () => {
    const state = buildState('solution_proposed', { reviewLevel: 1, proposers: ['u-qe', 'u-dm1'] });
    expect(step(state, c('propose_solution'), DM1).next.proposers).toEqual(['u-qe', 'u-dm1']);
    expect(step(state, c('propose_solution'), DM2).next.proposers).toEqual(['u-qe', 'u-dm2']);
  });

  it('should allow only a final ruling by the GM when the customer rejects the GM’s plan (R-ESC-2)', () => {
    const state = buildState('awaiting_customer', {
      reviewLevel: 3,
      proposers: ['u-qe', 'u-dm1', 'u-sm', 'u-gm'],
    });
    const rejected = step(state, c('customer_reject'), AGENT);
    expect(rejected.next).toEqual(exhausted);
    expect(rejected.events).toEqual(['customer_rejected']);
    expect(rejected.rules[1]).toEqual({ rule: 'R-ESC-2', detail: 'chain_exhausted_final_ruling' });
    const ctx = { now: NOW, reviewChain: DEFAULT_REVIEW_CHAIN };
    expect(findAllowedCommands(exhausted, GM, ctx)).toEqual(['explain']);
    expect(findAllowedCommands(exhausted, SM, ctx)).toEqual([
      'triage',
      'assign',
      'withdraw',
      'wait_on_customer',
    ]);
    expect(decideTransition(exhausted, c('explain'), buildContext(SM))).toEqual({
      ok: false,
      error: {
        code: 'TRANSITION_GUARD_FAILED',
        guard: 'final_ruling_role',
        rule: 'R-ESC-2',
        detail: 'requires:general_manager',
      },
    });
    const ruling = step(exhausted, c('explain'), GM);
    expect(ruling.next.status).toBe('explained');
    expect(ruling.rules.map((hit) => hit.rule)).toEqual(['R-CLS-4', 'R-CLS-6', 'R-ESC-2']);
    expect(step(exhausted, c('withdraw'), AGENT).next.status).toBe('withdrawn');
  });

  it.each([
    ['declare_not_valid', GM],
    ['resolve', SM],
  ] as const)('should refuse %s when the chain is exhausted (R-ESC-2)', (type, actor) => {
    const result = decideTransition({ ...exhausted, kind: 'inquiry' }, c(type), buildContext(actor));
    expect(result.ok || result.error).toEqual({
      code: 'TRANSITION_GUARD_FAILED',
      guard: 'review_chain_open',
      rule: 'R-ESC-2',
      detail: 'level:4',
    });
  });

  it('should escalate on every role change when the chain is configured (R-ESC-2)', () => {
    const chain = ['quality_engineer', 'general_manager'];
    const first = rejectPlanOf(start, QE, chain);
    expect(first.events).toEqual(['customer_rejected', 'escalated']);
    const last = rejectPlanOf(first.next, GM, chain);
    expect(last.events).toEqual(['customer_rejected']);
    expect(isReviewChainExhausted(chain, last.next.reviewLevel)).toBe(true);
  });

  it('should end in a final ruling by anyone allowed to close when the chain is empty (R-ESC-2)', () => {
    const rejected = rejectPlanOf(start, QE, []);
    expect(rejected.rules[1]).toEqual({ rule: 'R-ESC-2', detail: 'chain_exhausted_final_ruling' });
    expect(step(rejected.next, c('explain'), DM1, []).next.status).toBe('explained');
  });

  it.each([
    [DEFAULT_REVIEW_CHAIN, 0, 'department_manager', false],
    [DEFAULT_REVIEW_CHAIN, 2, 'service_manager', false],
    [DEFAULT_REVIEW_CHAIN, 3, 'general_manager', false],
    [DEFAULT_REVIEW_CHAIN, 4, 'general_manager', true],
    [DEFAULT_REVIEW_CHAIN, 9, 'general_manager', true],
    [[], 0, undefined, false],
    [[], 1, undefined, true],
  ] as const)(
    'should clamp the role when the chain %j is at level %i (R-ESC-2)',
    (chain, level, role, done) => {
      expect(findReviewerRole(chain, level)).toBe(role);
      expect(isReviewChainExhausted(chain, level)).toBe(done);
    },
  );

  it('should need a second person before sending when a plan requires approval (R-APR-1)', () => {
    const proposed = step(start, { type: 'propose_solution', requiresApproval: true }, DM1).next;
    expect(findAllowedCommands(proposed, DM1, { now: NOW, reviewChain: DEFAULT_REVIEW_CHAIN })).not.toContain(
      'approve_solution',
    );
    expect(decideTransition(proposed, c('approve_solution'), buildContext(DM1))).toMatchObject({
      error: { guard: 'four_eyes' },
    });
    expect(decideTransition(proposed, c('send_to_customer'), buildContext(DM1))).toMatchObject({
      error: { guard: 'solution_approved' },
    });
    const approved = step(proposed, c('approve_solution'), DM2).next;
    expect(approved.proposal).toEqual({ requiresApproval: true, approved: true });
    expect(step(approved, c('send_to_customer'), DM1).next.status).toBe('awaiting_customer');
    expect(step(approved, c('propose_solution'), DM1).next.proposal?.approved).toBe(false);
  });
});
