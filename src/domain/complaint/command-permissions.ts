import type { Permission } from '../identity/permissions';
import type { LifecycleCommandType } from './lifecycle-types';

/**
 * The permission each lifecycle command needs (R-SEC-1), whatever the status. Customer answers
 * (`customer_accept`, `customer_reject`, `withdraw`) and waiting toggles need `complaint.update`: staff record
 * what the customer said on the phone, and the portal use-case acts for the customer with that permission.
 */
export const COMMAND_PERMISSIONS: Readonly<Record<LifecycleCommandType, Permission>> = {
  register: 'complaint.create',
  triage: 'complaint.triage',
  assign: 'complaint.assign',
  start_investigation: 'complaint.investigate',
  propose_solution: 'complaint.propose',
  approve_solution: 'complaint.approve',
  send_to_customer: 'complaint.propose',
  customer_accept: 'complaint.update',
  customer_reject: 'complaint.update',
  start_execution: 'complaint.resolve',
  resolve: 'complaint.resolve',
  start_follow_up: 'complaint.follow_up',
  record_follow_up: 'complaint.follow_up',
  explain: 'complaint.close',
  declare_not_valid: 'complaint.close',
  withdraw: 'complaint.update',
  wait_on_customer: 'complaint.update',
  customer_responded: 'complaint.update',
};
