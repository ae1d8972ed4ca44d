import type { RuleHit } from '../shared/rule-hit';
import type { ComplaintEventType, ComplaintStatus } from './complaint-status';
import type { ComplaintKind, Injury } from './complaint-vocabulary';

/** What the lifecycle needs to know about a complaint to decide a transition (a projection of the record). */
export type LifecycleState = {
  readonly status: ComplaintStatus;
  readonly kind: ComplaintKind;
  readonly injury: Injury;
  /** Classification confirmed by a person (R-CLS: the system suggests, a person confirms). */
  readonly classified: boolean;
  /** R-CLS-3 major complaint: service manager owns, GM informed. */
  readonly major: boolean;
  readonly departmentId: string | null;
  readonly assigneeId: string | null;
  /** 0 = first plan; each customer rejection adds one (R-ESC-2 re-review level). */
  readonly reviewLevel: number;
  /** Users who proposed a plan so far, in order; a re-review must be done by someone else (R-ESC-2). */
  readonly proposers: readonly string[];
  readonly proposal: { readonly requiresApproval: boolean; readonly approved: boolean } | null;
  /** True while the complaint waits on the customer (working clocks pause). */
  readonly waitingOnCustomer: boolean;
};

/** Who asks for a transition. `permissions` are the actor's permission strings (src/domain/identity/permissions.ts). */
export type LifecycleActor = {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly permissions: ReadonlySet<string>;
};

/** The R-ESC-2 re-review chain: who must propose the plan after the n-th customer rejection (index = reviewLevel). */
export type ReviewChain = readonly string[];

export type LifecycleContext = {
  readonly now: Date;
  readonly actor: LifecycleActor;
  /** Default: ['department_manager', 'department_manager', 'service_manager', 'general_manager']. */
  readonly reviewChain: ReviewChain;
};

export type LifecycleCommand =
  | { readonly type: 'register' }
  | { readonly type: 'triage' }
  | { readonly type: 'assign'; readonly departmentId: string; readonly assigneeId: string | null }
  | { readonly type: 'start_investigation' }
  | { readonly type: 'propose_solution'; readonly requiresApproval: boolean }
  | { readonly type: 'approve_solution' }
  | { readonly type: 'send_to_customer' }
  | { readonly type: 'customer_accept'; readonly executionDueAt: Date }
  | { readonly type: 'customer_reject'; readonly reason: string }
  | { readonly type: 'start_execution' }
  | { readonly type: 'resolve'; readonly summary: string }
  | { readonly type: 'start_follow_up' }
  | { readonly type: 'record_follow_up'; readonly satisfied: boolean }
  | { readonly type: 'explain'; readonly reason: string }
  | { readonly type: 'declare_not_valid'; readonly reason: string }
  | { readonly type: 'withdraw'; readonly reason: string }
  | { readonly type: 'wait_on_customer'; readonly reason: string }
  | { readonly type: 'customer_responded' };

export type LifecycleCommandType = LifecycleCommand['type'];

export type LifecycleError =
  /** The command is not allowed in this state; `allowed` lists the commands that are. */
  | {
      readonly code: 'ILLEGAL_TRANSITION';
      readonly status: ComplaintStatus;
      readonly allowed: readonly LifecycleCommandType[];
    }
  /** A guard refused: a required field is missing or the actor may not do this (`rule` names why). */
  | {
      readonly code: 'TRANSITION_GUARD_FAILED';
      readonly guard: string;
      readonly rule?: string;
      readonly detail?: string;
    }
  | { readonly code: 'FORBIDDEN'; readonly permission: string };

export type LifecycleDecision = {
  readonly next: LifecycleState;
  readonly events: readonly ComplaintEventType[];
  readonly rules: readonly RuleHit[];
};
