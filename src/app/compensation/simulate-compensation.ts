import { policyRepo } from '../../db/repos/policy.repo';
import {
  DEFAULT_COMPENSATION_POLICY,
  type CompensationPolicy,
} from '../../domain/compensation/compensation-policy';
import {
  decideCompensation,
  type CompensationDecision,
  type CompensationInput,
} from '../../domain/compensation/decide-compensation';
import { validateCompensationPolicy } from '../../domain/compensation/validate-compensation-policy';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';

export type SimulateCompensationInput = CompensationInput & { readonly policy?: unknown };

export type CompensationSimulation = CompensationDecision & {
  readonly policyVersion: number;
  readonly draft: boolean;
};

/**
 * Runs a hypothetical complaint through the compensation policy in force, or through a draft sent with it
 * (issue 5 "simulate"), and answers options, approvals, rules and citations. Nothing is stored. A draft is checked
 * first: POLICY_INVALID lists every { path, message }.
 */
export const simulateCompensation = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: SimulateCompensationInput,
): Promise<CompensationSimulation> => {
  assertPermission(ctx.actor, 'complaint.propose');
  const { policy: draft, ...facts } = input;
  let policy: CompensationPolicy;
  if (draft !== undefined) {
    const problems = validateCompensationPolicy(draft);
    if (problems.length > 0)
      throw new AppError('POLICY_INVALID', {
        key: 'compensation_policy',
        problems: problems.map((p) => ({ ...p, path: p.path || '(value)' })),
      });
    policy = draft as CompensationPolicy;
  } else {
    const row = await policyRepo.find(deps.db.reader(), 'compensation_policy');
    policy = (row?.value as CompensationPolicy | undefined) ?? DEFAULT_COMPENSATION_POLICY;
  }
  return { ...decideCompensation(facts, policy), policyVersion: policy.version, draft: draft !== undefined };
};
