import { canonicalJson } from '../../domain/shared/canonical-json';
import type { PolicyRow } from '../../db/repos/policy.repo';
import type { UseCaseContext } from '../context';
import { POLICY_LABELS, policyDefaultOf, type PolicyName } from './policy-catalogue';
import type { PoliciesInForce } from './find-policy-problems';

/** One policy as an administrator sees it: the value in force, its version (0 = never stored) and its origin. */
export type PolicyRecord = {
  readonly key: PolicyName;
  readonly label: { readonly 'zh-CN': string; readonly en: string };
  readonly value: unknown;
  readonly version: number;
  /** The value in force is the built-in default (nothing stored, or a stored copy of it). */
  readonly isDefault: boolean;
  readonly updatedAt: Date | null;
  readonly updatedBy: string | null;
};

export const sameValue = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

export const toPolicyRecord = (key: PolicyName, row: PolicyRow | undefined): PolicyRecord => {
  const value = row ? row.value : policyDefaultOf(key);
  return {
    key,
    label: POLICY_LABELS[key],
    value,
    version: row?.version ?? 0,
    isDefault: sameValue(value, policyDefaultOf(key)),
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
};

/** The classification rules and deadline policy in force, given the stored rows (defaults where none). */
export const policiesInForce = (rows: readonly PolicyRow[]): PoliciesInForce => {
  const valueOf = (key: PolicyName) => rows.find((r) => r.key === key)?.value ?? policyDefaultOf(key);
  return { classificationRules: valueOf('classification_rules'), deadlinePolicy: valueOf('deadline_policy') };
};

/** Who changed a policy, as stored in `policies.updated_by`: the user id, or `system:<name>` for presets and jobs. */
export const changedBy = (ctx: UseCaseContext): string | null => {
  switch (ctx.actor.kind) {
    case 'user':
      return ctx.actor.userId;
    case 'system':
      return `system:${ctx.actor.name}`;
    case 'anonymous':
      return null;
  }
};
