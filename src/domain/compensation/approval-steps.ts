import type { Role } from '../identity/roles';
import {
  APPROVER_ROLES,
  DEFAULT_PARALLEL_APPROVERS,
  type ApproverRole,
  type CompensationPolicy,
} from './compensation-policy';

/** One approval step: every role in it signs (in any order, "parallel"); the steps are signed in order. */
export type ApprovalStep = { readonly index: number; readonly roles: readonly ApproverRole[] };

/**
 * Which system roles may sign as an approver role (R-APR-1). The site check of seed 004 is a department manager
 * (主管) and an engineer or quality engineer (技术员) who saw the product on site.
 */
export const SIGNING_ROLES: Readonly<Record<ApproverRole, readonly Role[]>> = {
  department_manager: ['department_manager'],
  service_manager: ['service_manager'],
  site_supervisor: ['department_manager'],
  site_technician: ['engineer', 'quality_engineer'],
  business_manager: ['business_manager'],
  sales_centre: ['sales_centre'],
  general_manager: ['general_manager'],
};

/** The approver roles a holder of these system roles may sign as. */
export const approverRolesOf = (roles: readonly Role[]): readonly ApproverRole[] =>
  APPROVER_ROLES.filter((a) => SIGNING_ROLES[a].some((r) => roles.includes(r)));

/**
 * R-APR-1 sequential and parallel steps: the union of the roles the proposal's options need, in `APPROVER_ROLES`
 * order; roles of one parallel group (policy `parallelApprovers`, default site check pair and business manager +
 * sales centre) that are both needed share one step. A proposal needing no role has no step.
 */
export const buildApprovalSteps = (
  chains: readonly (readonly ApproverRole[])[],
  policy: Pick<CompensationPolicy, 'parallelApprovers'>,
): readonly ApprovalStep[] => {
  const needed = APPROVER_ROLES.filter((r) => chains.some((c) => c.includes(r)));
  const groups = policy.parallelApprovers ?? DEFAULT_PARALLEL_APPROVERS;
  const steps: ApproverRole[][] = [];
  for (const role of needed) {
    const group = groups.find((g) => g.includes(role));
    const last = steps.at(-1);
    if (group && last && last.every((r) => group.includes(r))) last.push(role);
    else steps.push([role]);
  }
  return steps.map((roles, index) => ({ index, roles }));
};
