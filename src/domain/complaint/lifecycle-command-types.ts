import type { LifecycleCommandType } from './lifecycle-types';

/**
 * Every lifecycle command type, in the order the console shows them and `ILLEGAL_TRANSITION.allowed` lists
 * them. The check below fails to compile when `LifecycleCommand` gains a type that is not listed here.
 */
export const LIFECYCLE_COMMAND_TYPES = [
  'register',
  'triage',
  'assign',
  'start_investigation',
  'propose_solution',
  'approve_solution',
  'send_to_customer',
  'customer_accept',
  'customer_reject',
  'start_execution',
  'resolve',
  'start_follow_up',
  'record_follow_up',
  'explain',
  'declare_not_valid',
  'withdraw',
  'wait_on_customer',
  'customer_responded',
] as const satisfies readonly LifecycleCommandType[];

type Missing = Exclude<LifecycleCommandType, (typeof LIFECYCLE_COMMAND_TYPES)[number]>;
const _everyCommandListed: [Missing] extends [never] ? true : Missing = true;
