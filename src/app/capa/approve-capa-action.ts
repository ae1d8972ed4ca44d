import { decideCapaApproval, decideCapaRejection } from '../../domain/capa/decide-capa-step';
import { capaActionRepo } from '../../db/repos/capa-action.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { emitEvents } from '../platform/emit-events';
import { toCapaView, type CapaActionView } from './capa-action-view';
import { actorIdOf, loadCapaClock } from './capa-context';

/**
 * The general manager decides on a preventive measure (R-CAPA-4, seed 002: "预防措施制定后由总经理签字批准后实施"):
 * approved → `open`, the owner carries it out; rejected → `cancelled` with the reason. Only `capa.approve` holders
 * (the GM) may; anyone else gets 403 FORBIDDEN.
 */
export const decidePreventiveAction = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { readonly approve: boolean; readonly note?: string | undefined },
): Promise<CapaActionView> => {
  assertPermission(ctx.actor, 'capa.approve');
  return deps.db.transaction(async (tx) => {
    const clock = await loadCapaClock(deps, tx);
    const a = await capaActionRepo.findByIdForUpdate(tx, id);
    if (!a) throw new AppError('CAPA_ACTION_NOT_FOUND');
    const r = input.approve ? decideCapaApproval(a) : decideCapaRejection(a);
    if (!r.ok) throw new AppError(r.error.code, r.error.details);
    const updated = await capaActionRepo.update(
      tx,
      id,
      input.approve
        ? { status: r.value.next, gmApprovedBy: actorIdOf(ctx), gmApprovedAt: clock.now }
        : { status: r.value.next, cancelReason: input.note ?? null },
      clock.now,
    );
    await appendAudit(tx, ctx, clock.now, [
      {
        entityType: 'capa_action',
        entityId: id,
        action: input.approve ? 'capa.action_approved' : 'capa.action_rejected',
        before: { status: a.status },
        after: { status: updated.status, rules: r.value.rules },
        reason: input.note ?? null,
      },
    ]);
    await emitEvents(tx, clock.now, [
      {
        type: input.approve ? 'capa.action_approved' : 'capa.action_rejected',
        aggregateType: 'capa_action',
        aggregateId: id,
        payload: { number: a.number, ownerId: a.ownerId, note: input.note ?? null },
      },
    ]);
    return toCapaView(tx, updated, clock.now, r.value.rules);
  });
};
