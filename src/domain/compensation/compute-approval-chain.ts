import {
  APPROVER_ROLES,
  type ApproverRole,
  type CompensationKind,
  type CompensationPolicy,
} from './compensation-policy';

export type ChainInput = {
  readonly kind: CompensationKind;
  readonly amountFen: number;
  readonly major: boolean;
  /** Approvers the matrix row adds for this option (R-RES-3). */
  readonly extra: readonly ApproverRole[];
};

/**
 * R-APR-1 / R-RES-4: who must approve one option. Every band whose `aboveFen` the amount exceeds adds its role;
 * cash always adds the policy's cash approvers (business manager) whatever the amount; any compensation (amount
 * above 0) in a major complaint adds the major approver (GM). The chain is signed from the lowest to the highest
 * role in `APPROVER_ROLES` order, without duplicates. Above `siteCheckAboveFen` the site check (supervisor +
 * technician, seed 004) joins the chain before the business and GM signatures. A zero-amount option (apology, repair at the company's cost)
 * needs no approval unless it is cash.
 */
export const computeApprovalChain = (
  input: ChainInput,
  policy: CompensationPolicy,
): readonly ApproverRole[] => {
  const roles: ApproverRole[] = [];
  const add = (role: ApproverRole): void => {
    if (!roles.includes(role)) roles.push(role);
  };
  for (const band of policy.approvalBands) if (input.amountFen > band.aboveFen) add(band.role);
  if (input.kind === 'cash') policy.cashApprovers.forEach(add);
  if (input.amountFen > 0 || input.kind === 'cash') input.extra.forEach(add);
  if (input.major && input.amountFen > 0) add(policy.majorApprover);
  if (input.amountFen > policy.siteCheckAboveFen) {
    add('site_supervisor');
    add('site_technician');
  }
  return roles.sort((a, b) => APPROVER_ROLES.indexOf(a) - APPROVER_ROLES.indexOf(b));
};
