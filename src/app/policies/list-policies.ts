import { policyRepo } from '../../db/repos/policy.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { isPolicyName, POLICY_NAMES } from './policy-catalogue';
import { toPolicyRecord, type PolicyRecord } from './policy-record';

/** Every policy with the value in force, stored or default (policies as data: DOMAIN intro, issue 3 §4). */
export const listPolicies = async (deps: Deps, ctx: UseCaseContext): Promise<PolicyRecord[]> => {
  assertPermission(ctx.actor, 'reference.read');
  const rows = new Map((await policyRepo.findAll(deps.db.reader())).map((r) => [r.key, r]));
  return POLICY_NAMES.map((key) => toPolicyRecord(key, rows.get(key)));
};

/** One policy by key; POLICY_NOT_FOUND names the keys that exist. */
export const getPolicy = async (deps: Deps, ctx: UseCaseContext, key: string): Promise<PolicyRecord> => {
  assertPermission(ctx.actor, 'reference.read');
  if (!isPolicyName(key)) throw new AppError('POLICY_NOT_FOUND', { key, available: POLICY_NAMES });
  return toPolicyRecord(key, await policyRepo.find(deps.db.reader(), key));
};
