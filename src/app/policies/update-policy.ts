import { departmentRepo } from '../../db/repos/department.repo';
import { policyRepo } from '../../db/repos/policy.repo';
import { appendAudit } from '../audit/append-audit';
import type { IntakePolicy } from '../complaints/complaint-settings';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { emitEvents } from '../platform/emit-events';
import { findPolicyProblems } from './find-policy-problems';
import { isPolicyName, POLICY_NAMES } from './policy-catalogue';
import { DEFAULT_POLICY_HOOKS, runPolicyHooks, type PolicyChangeHooks } from './policy-hooks';
import { changedBy, policiesInForce, sameValue, toPolicyRecord, type PolicyRecord } from './policy-record';

export type UpdatePolicyInput = {
  readonly value: unknown;
  /** The version the client read; 0 (or none) for a policy still at its built-in default. */
  readonly expectedVersion?: number | undefined;
  readonly reason?: string | undefined;
};

/**
 * Replaces one policy (admin, no deploy needed: DOMAIN intro), with optimistic concurrency: a stored policy needs
 * the version the client read (428 without, 409 when stale); the first write of a default takes 0 or nothing. The
 * value is checked by key and every problem listed (422); the change is audited with before and after, announced
 * as `policy.updated`, and takes effect in every process at the next settings load. Sending the stored value
 * again changes nothing. After a deadline policy change, open deadlines are recomputed (`hooks`).
 */
export const updatePolicy = async (
  deps: Deps,
  ctx: UseCaseContext,
  key: string,
  input: UpdatePolicyInput,
  hooks: PolicyChangeHooks = DEFAULT_POLICY_HOOKS,
): Promise<PolicyRecord> => {
  assertPermission(ctx.actor, 'policy.manage');
  if (!isPolicyName(key)) throw new AppError('POLICY_NOT_FOUND', { key, available: POLICY_NAMES });
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    const rows = await policyRepo.findAll(tx);
    const current = rows.find((r) => r.key === key);
    const currentVersion = current?.version ?? 0;
    if (input.expectedVersion === undefined && current) throw new AppError('PRECONDITION_REQUIRED');
    if (input.expectedVersion !== undefined && input.expectedVersion !== currentVersion)
      throw new AppError('VERSION_CONFLICT', { currentVersion });
    const invalid = findPolicyProblems(key, input.value, policiesInForce(rows));
    if (invalid) throw new AppError(invalid.code, { key, problems: invalid.problems });
    const intakeCode = key === 'intake' ? (input.value as IntakePolicy).portalDepartmentCode : null;
    if (intakeCode !== null && !(await departmentRepo.findByCode(tx, intakeCode)))
      throw new AppError('POLICY_INVALID', {
        key,
        problems: [{ path: 'portalDepartmentCode', message: `no department with code ${intakeCode}` }],
      });
    const before = toPolicyRecord(key, current);
    if (current && sameValue(current.value, input.value)) return { record: before, changed: false };

    // A first write races other first writes: the upsert then lands on their row, which the version betrays.
    const saved = await policyRepo.save(
      tx,
      key,
      input.value,
      changedBy(ctx),
      now,
      current ? currentVersion : undefined,
    );
    if (!saved || saved.version !== currentVersion + 1)
      throw new AppError('VERSION_CONFLICT', { currentVersion: saved?.version });
    const after = toPolicyRecord(key, saved);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'policy',
        entityId: key,
        action: 'policy.updated',
        before: { value: before.value, version: before.version, isDefault: before.isDefault },
        after: { value: after.value, version: after.version, isDefault: after.isDefault },
        reason: input.reason ?? null,
      },
    ]);
    await emitEvents(tx, now, [
      {
        type: 'policy.updated',
        aggregateType: 'policy',
        aggregateId: key,
        payload: { key, version: after.version },
      },
    ]);
    return { record: after, changed: true };
  });
  if (result.changed) await runPolicyHooks(deps, ctx, [key], `${key} v${result.record.version}`, hooks);
  return result.record;
};
