import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { toLifecycleActor } from './lifecycle-actor';
import { registerComplaint, type IntakeInput, type IntakeResult } from './register-complaint';

/**
 * Staff intake (hotline, e-mail, store, dealer, regulator transfer…): registered by the current user, in their
 * primary department (the intake department, which keeps the complaint in its data scope — R-SEC-1).
 */
export const openComplaint = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: IntakeInput,
): Promise<IntakeResult> => {
  assertPermission(ctx.actor, 'complaint.create');
  const actor = ctx.actor;
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  return registerComplaint(deps, ctx, input, toLifecycleActor(actor), {
    intakeDepartmentId: actor.kind === 'user' ? (actor.departmentIds[0] ?? null) : null,
    reporterId: actor.kind === 'user' ? actor.userId : null,
  });
};
