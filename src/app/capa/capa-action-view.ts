import { CAPA_WORKING_STATUSES, type CapaAction } from '../../domain/capa/capa-action';
import type { RuleHit } from '../../domain/shared/rule-hit';
import { addLocalDays } from '../../domain/sla/convert-local-time';
import type { Executor } from '../../db/client';
import { userRepo } from '../../db/repos/user.repo';

/** An action as the API shows it: with its owner's name, the end of its watch window and whether it is overdue. */
export type CapaActionView = CapaAction & {
  readonly ownerName: string | null;
  /** `effectiveFrom` + `verifyAfterDays`: from this day on, no recurrence means verified (R-CAPA-3). */
  readonly windowEndsOn: string | null;
  readonly overdue: boolean;
  /** The rules the last step applied (R-CAPA-…); empty on reads. */
  readonly rules: readonly RuleHit[];
};

export const toCapaView = async (
  ex: Executor,
  a: CapaAction,
  now: Date,
  rules: readonly RuleHit[] = [],
  names: Map<string, string> = new Map(),
): Promise<CapaActionView> => {
  let ownerName = names.get(a.ownerId) ?? null;
  if (ownerName === null) {
    ownerName = (await userRepo.findById(ex, a.ownerId))?.displayName ?? null;
    if (ownerName !== null) names.set(a.ownerId, ownerName);
  }
  return {
    ...a,
    ownerName,
    windowEndsOn:
      a.effectiveFrom !== null && a.kind !== 'containment'
        ? addLocalDays(a.effectiveFrom, a.verifyAfterDays)
        : null,
    overdue: CAPA_WORKING_STATUSES.includes(a.status) && a.dueAt.getTime() <= now.getTime(),
    rules,
  };
};
