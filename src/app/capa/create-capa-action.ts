import {
  formatCapaNumber,
  type CapaAction,
  type CapaKind,
  type CapaSourceType,
} from '../../domain/capa/capa-action';
import { decideInitialCapaStatus } from '../../domain/capa/decide-capa-step';
import { fromLocalDateTime } from '../../domain/sla/convert-local-time';
import { capaActionRepo } from '../../db/repos/capa-action.repo';
import { documentCounterRepo } from '../../db/repos/document-counter.repo';
import { productRepo } from '../../db/repos/product.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';
import { emitEvents } from '../platform/emit-events';
import { toCapaView, type CapaActionView } from './capa-action-view';
import { actorIdOf, assertActiveOwner, loadCapaClock } from './capa-context';
import { assertCapaSource } from './capa-source';

export type CreateCapaActionInput = {
  readonly sourceType: CapaSourceType;
  readonly sourceId?: string | null | undefined;
  readonly kind: CapaKind;
  readonly title: string;
  readonly description: string;
  readonly productId?: string | null | undefined;
  /** The failure mechanism (同种机理) whose recurrence on later production says the action did not work (R-CAPA-3). */
  readonly mechanism?: string | null | undefined;
  readonly ownerId: string;
  /** The due date (local date): the action is due at the end of that day in the company's time zone. */
  readonly dueOn: string;
  /** Days of production watched after `effectiveFrom`; the policy's `verifyAfterDays` (90) when absent. */
  readonly verifyAfterDays?: number | undefined;
};

/**
 * Opens a CAPA action with owner and due date (R-CAPA-1): containment and corrective actions start `open`, a
 * preventive action `awaiting_approval` until the general manager approves it (R-CAPA-4). The source must exist
 * (a complaint within the actor's reach); a complaint source lends its product when none is given. Numbered
 * CA-YYYY-NNNN from a gapless counter.
 */
export const createCapaAction = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: CreateCapaActionInput,
): Promise<CapaActionView> => {
  assertPermission(ctx.actor, 'capa.manage');
  return deps.db.transaction(async (tx) => {
    const clock = await loadCapaClock(deps, tx);
    if (input.dueOn < clock.today)
      throw new AppError('CAPA_DUE_INVALID', { dueOn: input.dueOn, today: clock.today });
    const source = await assertCapaSource(tx, ctx, input.sourceType, input.sourceId ?? null);
    const productId = input.productId ?? source.productId;
    if (productId && !(await productRepo.findById(tx, productId)))
      throw new AppError('PRODUCT_NOT_FOUND', { productId });
    await assertActiveOwner(tx, input.ownerId);
    const step = decideInitialCapaStatus(input.kind);
    const year = Number(clock.today.slice(0, 4));
    const id = newId(clock.now.getTime());
    const action: Omit<CapaAction, 'verifications'> = {
      id,
      number: formatCapaNumber(year, await documentCounterRepo.next(tx, 'capa_action', year)),
      sourceType: input.sourceType,
      sourceId: input.sourceId ?? null,
      kind: input.kind,
      title: input.title,
      description: input.description,
      productId: productId ?? null,
      mechanism: input.mechanism?.trim() || null,
      ownerId: input.ownerId,
      dueAt: fromLocalDateTime(clock.timeZone, input.dueOn, 86_400_000),
      status: step.next,
      doneAt: null,
      doneBy: null,
      completionNote: null,
      effectiveFrom: null,
      verifyAfterDays: input.verifyAfterDays ?? clock.policy.verifyAfterDays,
      gmApprovedBy: null,
      gmApprovedAt: null,
      reopenCount: 0,
      escalatedAt: null,
      cancelReason: null,
      createdBy: actorIdOf(ctx),
      createdAt: clock.now,
      updatedAt: clock.now,
      version: 1,
    };
    await capaActionRepo.insert(tx, action);
    await appendAudit(tx, ctx, clock.now, [
      {
        entityType: 'capa_action',
        entityId: id,
        action: 'capa.action_created',
        after: { ...action, rules: step.rules },
      },
    ]);
    await emitEvents(tx, clock.now, [
      {
        type: step.next === 'awaiting_approval' ? 'capa.approval_requested' : 'capa.action_opened',
        aggregateType: 'capa_action',
        aggregateId: id,
        payload: {
          number: action.number,
          kind: action.kind,
          ownerId: action.ownerId,
          dueAt: action.dueAt.toISOString(),
        },
      },
    ]);
    return toCapaView(tx, { ...action, verifications: [] }, clock.now, step.rules);
  });
};
