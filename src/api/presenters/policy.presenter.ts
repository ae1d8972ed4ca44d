import type { z } from 'zod';
import type { PolicyRecord } from '../../app/policies/policy-record';
import type { ZPolicyView } from '../../contracts/policy.contract';

export const presentPolicy = (p: PolicyRecord): z.infer<typeof ZPolicyView> => ({
  key: p.key,
  label: { ...p.label },
  value: p.value,
  version: p.version,
  isDefault: p.isDefault,
  updatedAt: p.updatedAt ? p.updatedAt.toISOString() : null,
  updatedBy: p.updatedBy,
});
