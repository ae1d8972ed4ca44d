import { computeGrants } from '../identity/compute-grants';
import type { Role } from '../identity/roles';
import type { ComplaintEventType, ComplaintStatus } from './complaint-status';
import { DEFAULT_REVIEW_CHAIN } from './default-review-chain';
import type {
  LifecycleActor,
  LifecycleCommand,
  LifecycleCommandType,
  LifecycleContext,
  LifecycleState,
} from './lifecycle-types';
import { findTableCommands, TRANSITION_TABLE } from './transition-table';

/** Test data for the lifecycle tests: a fixed `now`, typical states per status, actors built from real grants. */
export const NOW = new Date('2026-05-06T02:00:00Z');
export const LATER = new Date('2026-05-13T02:00:00Z');

const handled = { classified: true, departmentId: 'd-after-sales', assigneeId: 'u-dm1' } as const;
const withPlan = { ...handled, proposers: ['u-dm1'], proposal: { requiresApproval: false, approved: false } };

/** What a complaint in each status typically looks like when it got there through the table. */
const TYPICAL: Record<ComplaintStatus, Partial<LifecycleState>> = {
  received: {},
  registered: {},
  triaged: { classified: true },
  assigned: handled,
  investigating: handled,
  solution_proposed: withPlan,
  awaiting_customer: withPlan,
  agreed: withPlan,
  executing: withPlan,
  resolved: withPlan,
  follow_up: withPlan,
  closed: withPlan,
  explained: handled,
  not_valid: {},
  withdrawn: {},
  reopened: withPlan,
};

export const buildState = (
  status: ComplaintStatus,
  overrides: Partial<LifecycleState> = {},
): LifecycleState => ({
  status,
  kind: 'complaint',
  injury: 'none',
  classified: false,
  major: false,
  departmentId: null,
  assigneeId: null,
  reviewLevel: 0,
  proposers: [],
  proposal: null,
  waitingOnCustomer: false,
  ...TYPICAL[status],
  ...overrides,
});

export const buildActor = (userId: string, roles: readonly Role[]): LifecycleActor => ({
  userId,
  roles,
  permissions: new Set(computeGrants(roles).keys()),
});

export const AGENT = buildActor('u-agent', ['agent']);
export const DM1 = buildActor('u-dm1', ['department_manager']);
export const DM2 = buildActor('u-dm2', ['department_manager']);
export const SM = buildActor('u-sm', ['service_manager']);
export const QE = buildActor('u-qe', ['quality_engineer']);
export const ENGINEER = buildActor('u-eng', ['engineer']);
export const GM = buildActor('u-gm', ['general_manager']);
export const SUPERVISOR = buildActor('u-sup', ['supervisor']);

export const buildContext = (
  actor: LifecycleActor,
  overrides: Partial<Omit<LifecycleContext, 'actor'>> = {},
): LifecycleContext => ({ now: NOW, actor, reviewChain: DEFAULT_REVIEW_CHAIN, ...overrides });

/** A command of each type with a valid payload. */
export const buildCommand = (type: LifecycleCommandType): LifecycleCommand => {
  switch (type) {
    case 'assign':
      return { type, departmentId: 'd-quality', assigneeId: 'u-qe' };
    case 'propose_solution':
      return { type, requiresApproval: false };
    case 'customer_accept':
      return { type, executionDueAt: LATER };
    case 'resolve':
      return { type, summary: '已更换新品，客户确认 / replaced, customer confirmed' };
    case 'record_follow_up':
      return { type, satisfied: true };
    case 'customer_reject':
    case 'explain':
    case 'declare_not_valid':
    case 'withdraw':
    case 'wait_on_customer':
      return { type, reason: '客户说明 / customer statement' };
    default:
      return { type };
  }
};

/** One expected happy path of `decideTransition`: `next` lists only the fields that change. */
export type HappyPath = {
  readonly name: string;
  readonly state: LifecycleState;
  readonly command: LifecycleCommand;
  readonly actor: LifecycleActor;
  readonly next: Partial<LifecycleState>;
  readonly events: readonly ComplaintEventType[];
  readonly rules: readonly string[];
};

export const happyPath = (
  name: string,
  state: LifecycleState,
  command: LifecycleCommand,
  actor: LifecycleActor,
  next: Partial<LifecycleState>,
  events: readonly ComplaintEventType[],
  rules: readonly string[] = [],
): HappyPath => ({
  name: `${name} when ${state.status} receives ${command.type}`,
  state,
  command,
  actor,
  next,
  events,
  rules,
});

const SHARED: readonly LifecycleCommandType[] = ['withdraw', 'wait_on_customer', 'customer_responded'];

/** Commands every handled status shares (withdraw, waiting, in-place re-triage and re-assignment). */
export const isSharedPair = (status: ComplaintStatus, type: LifecycleCommandType): boolean =>
  SHARED.includes(type) ||
  ((type === 'triage' || type === 'assign') && (TRANSITION_TABLE[status][type]?.includes(status) ?? false));

/** `status:command` keys of the table's pairs for `statuses`, shared or specific. */
export const tablePairs = (statuses: readonly ComplaintStatus[], shared: boolean): string[] =>
  statuses.flatMap((status) =>
    findTableCommands(status)
      .filter((type) => isSharedPair(status, type) === shared)
      .map((type) => `${status}:${type}`),
  );
