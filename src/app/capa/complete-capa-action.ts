import { decideCapaCompletion } from '../../domain/capa/decide-capa-step';
import { capaActionRepo } from '../../db/repos/capa-action.repo';
import { capaEvidenceQuery } from '../../db/repos/capa-evidence.query';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { emitEvents } from '../platform/emit-events';
import { toCapaView, type CapaActionView } from './capa-action-view';
import { actorIdOf, capaScopeOf, loadCapaClock } from './capa-context';

/**
 * The owner (or anyone managing CAPA in the owner's departments) reports the action done (R-CAPA-1) with what was
 * done and, for corrective and preventive actions, `effectiveFrom`: the production date from which it applies. From
 * then on batches produced on or after that date are watched for a recurrence (R-CAPA-3). A preventive action still
 * waiting for the GM is refused (R-CAPA-4), as is a date on whose production the problem already recurred.
 */
export const completeCapaAction = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { readonly effectiveFrom?: string | undefined; readonly note: string },
): Promise<CapaActionView> => {
  const scope = capaScopeOf(ctx, 'capa.manage');
  return deps.db.transaction(async (tx) => {
    const clock = await loadCapaClock(deps, tx);
    const a = await capaActionRepo.findByIdForUpdate(tx, id, scope);
    if (!a) throw new AppError('CAPA_ACTION_NOT_FOUND');
    const effectiveFrom = a.kind === 'containment' ? null : (input.effectiveFrom ?? null);
    const recurrences =
      effectiveFrom !== null && a.productId !== null && a.mechanism !== null
        ? await capaEvidenceQuery.findRecurrences(tx, a.productId, a.mechanism, effectiveFrom)
        : [];
    const r = decideCapaCompletion(a, { effectiveFrom, today: clock.today, recurrences });
    if (!r.ok) throw new AppError(r.error.code, r.error.details);
    const updated = await capaActionRepo.update(
      tx,
      id,
      {
        status: r.value.next,
        doneAt: clock.now,
        doneBy: actorIdOf(ctx),
        completionNote: input.note,
        effectiveFrom,
      },
      clock.now,
    );
    await appendAudit(tx, ctx, clock.now, [
      {
        entityType: 'capa_action',
        entityId: id,
        action: 'capa.action_done',
        before: { status: a.status, effectiveFrom: a.effectiveFrom },
        after: { status: updated.status, effectiveFrom, note: input.note, rules: r.value.rules },
      },
    ]);
    await emitEvents(tx, clock.now, [
      {
        type: 'capa.action_done',
        aggregateType: 'capa_action',
        aggregateId: id,
        payload: { number: a.number, effectiveFrom },
      },
    ]);
    return toCapaView(tx, updated, clock.now, r.value.rules);
  });
};
