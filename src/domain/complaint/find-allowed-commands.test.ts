import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES } from './complaint-status';
import { COMPLAINT_KINDS, INJURY_LEVELS } from './complaint-vocabulary';
import { decideTransition } from './decide-transition';
import { DEFAULT_REVIEW_CHAIN } from './default-review-chain';
import { findAllowedCommands } from './find-allowed-commands';
import { ROLES } from '../identity/roles';
import { LIFECYCLE_COMMAND_TYPES } from './lifecycle-command-types';
import {
  AGENT,
  buildActor,
  buildCommand,
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
import { findTableCommands, TRANSITION_TABLE } from './transition-table';

const ctx = { now: NOW, reviewChain: DEFAULT_REVIEW_CHAIN };
const pending = { requiresApproval: true, approved: false };
const W = ['withdraw', 'wait_on_customer'] as const;

const CASES: readonly [string, LifecycleState, LifecycleActor, readonly LifecycleCommandType[]][] = [
  ['an agent sees a fresh intake', s('received'), AGENT, ['register', 'withdraw']],
  ['an engineer sees a fresh intake', s('received'), ENGINEER, ['withdraw']],
  ['a supervisor sees a fresh intake', s('received'), SUPERVISOR, []],
  ['an agent sees a registered complaint', s('registered'), AGENT, ['triage', ...W]],
  [
    'a department manager sees a registered complaint waiting on the customer',
    s('registered', { waitingOnCustomer: true }),
    DM1,
    ['triage', 'declare_not_valid', 'withdraw', 'customer_responded'],
  ],
  ['a quality engineer sees a triaged complaint', s('triaged'), QE, ['triage', ...W]],
  ['a quality engineer sees another person’s assignment', s('assigned'), QE, ['triage', ...W]],
  [
    'the assigned quality engineer sees an inquiry',
    s('assigned', { kind: 'inquiry', assigneeId: 'u-qe' }),
    QE,
    ['triage', 'start_investigation', 'resolve', ...W],
  ],
  ['an engineer sees an investigation', s('investigating'), ENGINEER, [...W]],
  [
    'the proposer sees their own plan pending approval',
    s('solution_proposed', { proposal: pending }),
    DM1,
    ['triage', 'assign', 'propose_solution', 'explain', 'declare_not_valid', ...W],
  ],
  [
    'the service manager sees a plan pending approval',
    s('solution_proposed', { proposal: pending }),
    SM,
    ['triage', 'assign', 'propose_solution', 'approve_solution', 'explain', 'declare_not_valid', ...W],
  ],
  [
    'an agent sees a plan waiting for the customer',
    s('awaiting_customer'),
    AGENT,
    ['triage', 'assign', 'customer_accept', 'customer_reject', ...W],
  ],
  ['the GM sees an agreed plan', s('agreed'), GM, []],
  ['an agent sees a resolved complaint', s('resolved'), AGENT, ['start_follow_up', ...W]],
  ['a department manager sees a follow-up', s('follow_up'), DM1, ['record_follow_up', ...W]],
  ['the service manager sees a closed complaint', s('closed'), SM, []],
];

const ACTORS = [AGENT, DM1, DM2, SM, QE, ENGINEER, GM, SUPERVISOR];
const VARIANTS: readonly Partial<LifecycleState>[] = [
  {},
  { waitingOnCustomer: true },
  { proposal: pending },
  { kind: 'praise', assigneeId: null },
  { reviewLevel: 2, proposers: ['u-qe', 'u-dm1'] },
  { reviewLevel: 4, proposers: ['u-qe', 'u-dm1', 'u-sm', 'u-gm'] },
];

describe('findAllowedCommands (issue 3 §3, STYLE "Web": only allowed actions appear)', () => {
  it.each(CASES)('should offer exactly the permitted commands when %s', (_name, state, actor, expected) => {
    expect(findAllowedCommands(state, actor, ctx)).toEqual(expected);
  });

  it('should agree with decideTransition for every status, actor and variant when the payload is valid', () => {
    for (const status of COMPLAINT_STATUSES) {
      for (const variant of VARIANTS) {
        const state = s(status, variant);
        for (const actor of ACTORS) {
          const allowed = findAllowedCommands(state, actor, ctx);
          for (const type of LIFECYCLE_COMMAND_TYPES) {
            const result = decideTransition(state, buildCommand(type), buildContext(actor));
            expect([status, variant, actor.userId, type, result.ok]).toEqual([
              status,
              variant,
              actor.userId,
              type,
              allowed.includes(type),
            ]);
          }
        }
      }
    }
  });
});

const userIds = ['u-a', 'u-b', 'u-c'];
const text = fc.constantFrom('', '  ', '原因 / reason');
const arbState: fc.Arbitrary<LifecycleState> = fc.record({
  status: fc.constantFrom(...COMPLAINT_STATUSES),
  kind: fc.constantFrom(...COMPLAINT_KINDS),
  injury: fc.constantFrom(...INJURY_LEVELS),
  classified: fc.boolean(),
  major: fc.boolean(),
  departmentId: fc.option(fc.constantFrom('d-1', 'd-2'), { nil: null }),
  assigneeId: fc.option(fc.constantFrom(...userIds), { nil: null }),
  reviewLevel: fc.integer({ min: 0, max: 6 }),
  proposers: fc.subarray(userIds),
  proposal: fc.option(fc.record({ requiresApproval: fc.boolean(), approved: fc.boolean() }), { nil: null }),
  waitingOnCustomer: fc.boolean(),
});
const arbDate = fc.oneof(
  fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z') }),
  fc.constant(NOW),
  fc.constant(new Date(Number.NaN)),
);
const arbCommand: fc.Arbitrary<LifecycleCommand> = fc.oneof(
  fc.constantFrom(...LIFECYCLE_COMMAND_TYPES).map(buildCommand),
  fc.record({
    type: fc.constant('assign' as const),
    departmentId: fc.constantFrom('', 'd-1', 'd-2'),
    assigneeId: fc.option(fc.constantFrom('', ...userIds), { nil: null }),
  }),
  fc.record({ type: fc.constant('customer_accept' as const), executionDueAt: arbDate }),
  fc.record({ type: fc.constant('record_follow_up' as const), satisfied: fc.boolean() }),
  fc.record({
    type: fc.constantFrom('customer_reject', 'explain', 'declare_not_valid', 'withdraw', 'wait_on_customer'),
    reason: text,
  }),
  fc.record({ type: fc.constant('resolve' as const), summary: text }),
);
const arbActor = fc
  .tuple(fc.constantFrom(...userIds), fc.subarray([...ROLES]))
  .map(([userId, roles]) => buildActor(userId, roles));
const arbChain = fc.constantFrom(DEFAULT_REVIEW_CHAIN, [], ['quality_engineer', 'general_manager']);

describe('decideTransition properties (issue 3 §3)', () => {
  it('should never throw and stay inside the table when given any state, command, actor and chain', () => {
    fc.assert(
      fc.property(arbState, arbCommand, arbActor, arbChain, (state, command, actor, reviewChain) => {
        const result = decideTransition(state, command, { now: NOW, actor, reviewChain });
        const allowed = findAllowedCommands(state, actor, { now: NOW, reviewChain });
        if (result.ok) {
          expect(TRANSITION_TABLE[state.status][command.type]).toContain(result.value.next.status);
          expect(allowed).toContain(command.type);
        } else if (allowed.includes(command.type)) {
          expect(result.error.code).toBe('TRANSITION_GUARD_FAILED');
        } else if (result.error.code === 'ILLEGAL_TRANSITION') {
          expect(result.error.allowed).toEqual(findTableCommands(state.status));
        }
      }),
      { numRuns: 3000, seed: 20260506 },
    );
  });
});
