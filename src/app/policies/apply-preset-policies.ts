import { policyRepo } from '../../db/repos/policy.repo';
import { appendAudit, type AuditEntry } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { emitEvents } from '../platform/emit-events';
import { findPolicyProblems, type PoliciesInForce } from './find-policy-problems';
import { POLICY_NAMES, policyDefaultOf, type PolicyName, type PolicyValues } from './policy-catalogue';
import { DEFAULT_POLICY_HOOKS, runPolicyHooks, type PolicyChangeHooks } from './policy-hooks';
import { changedBy, sameValue, toPolicyRecord } from './policy-record';

export type PresetPoliciesOptions = {
  /** Why the preset is applied (console: required); recorded with each audit row after `preset <name>`. */
  readonly reason?: string | undefined;
  readonly hooks?: PolicyChangeHooks;
};

export type PresetPoliciesResult = {
  readonly changed: readonly PolicyName[];
  readonly unchanged: readonly PolicyName[];
};

/**
 * Writes an industry preset's complete policy set (DOMAIN §18: one switch loads a coherent set): every key gets the
 * preset's value, or the built-in default where the preset has none, so switching presets leaves nothing of the
 * previous one behind (no VIN field on a food complaint). The whole set is checked first (each key against the
 * others it will run with) and written in one transaction; only keys whose value changes are written and audited,
 * so applying the same preset again changes nothing.
 */
export const applyPresetPolicies = async (
  deps: Deps,
  ctx: UseCaseContext,
  preset: string,
  values: PolicyValues,
  options: PresetPoliciesOptions = {},
): Promise<PresetPoliciesResult> => {
  assertPermission(ctx.actor, 'policy.manage');
  const reason = options.reason ? `preset ${preset}: ${options.reason}` : `preset ${preset}`;
  const wanted = (key: PolicyName): unknown =>
    key === 'preset' ? preset : (values[key] ?? policyDefaultOf(key));
  const inForce: PoliciesInForce = {
    classificationRules: wanted('classification_rules'),
    deadlinePolicy: wanted('deadline_policy'),
  };
  const problems = POLICY_NAMES.flatMap((key) =>
    (findPolicyProblems(key, wanted(key), inForce)?.problems ?? []).map((p) => ({
      path: `${key}.${p.path}`,
      message: p.message,
    })),
  );
  if (problems.length > 0) throw new AppError('POLICY_INVALID', { preset, problems });

  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    const rows = new Map((await policyRepo.findAll(tx)).map((r) => [r.key, r]));
    const changed: PolicyName[] = [];
    const unchanged: PolicyName[] = [];
    const audit: AuditEntry[] = [];
    for (const key of POLICY_NAMES) {
      const current = rows.get(key);
      const value = wanted(key);
      if (current && sameValue(current.value, value)) {
        unchanged.push(key);
        continue;
      }
      const saved = await policyRepo.save(tx, key, value, changedBy(ctx), now);
      if (!saved) throw new AppError('VERSION_CONFLICT', { key });
      const before = toPolicyRecord(key, current);
      audit.push({
        entityType: 'policy',
        entityId: key,
        action: 'policy.updated',
        before: { value: before.value, version: before.version, isDefault: before.isDefault },
        after: { value, version: saved.version, isDefault: toPolicyRecord(key, saved).isDefault },
        reason,
      });
      changed.push(key);
    }
    await appendAudit(tx, ctx, now, audit);
    await emitEvents(
      tx,
      now,
      changed.map((key) => ({
        type: 'policy.updated',
        aggregateType: 'policy',
        aggregateId: key,
        payload: { key, preset, version: (rows.get(key)?.version ?? 0) + 1 },
      })),
    );
    return { changed, unchanged };
  });
  await runPolicyHooks(deps, ctx, result.changed, reason, options.hooks ?? DEFAULT_POLICY_HOOKS);
  return result;
};
