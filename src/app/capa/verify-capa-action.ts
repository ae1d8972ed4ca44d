import type { CapaAction, CapaVerification } from '../../domain/capa/capa-action';
import { decideEffectiveness, type EffectivenessDecision } from '../../domain/capa/decide-effectiveness';
import { addLocalDays, fromLocalDateTime } from '../../domain/sla/convert-local-time';
import type { Tx } from '../../db/client';
import { capaActionRepo } from '../../db/repos/capa-action.repo';
import { capaEvidenceQuery } from '../../db/repos/capa-evidence.query';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { emitEvents } from '../platform/emit-events';
import { toCapaView, type CapaActionView } from './capa-action-view';
import {
  actorIdOf,
  capaScopeOf,
  capaSummaryOf,
  findCapaRecipients,
  loadCapaClock,
  type CapaClock,
} from './capa-context';

export type VerificationResult = {
  readonly action: CapaActionView;
  readonly decision: EffectivenessDecision;
};

/**
 * Gathers the field and production data of a done action, decides its effectiveness (R-CAPA-3) and stores the
 * outcome in the caller's transaction: `verified` with the evidence; `reopened` or `review` with a new due date
 * (`reopenDueDays`) that arms the overdue escalation again, and an event to the owner and the manager above;
 * `pending` changes nothing. Throws the domain's refusal (not done, containment, evidence note needed).
 */
export const applyEffectiveness = async (
  tx: Tx,
  ctx: UseCaseContext,
  a: CapaAction,
  clock: CapaClock,
  note: string | null,
): Promise<{ readonly action: CapaAction; readonly decision: EffectivenessDecision }> => {
  const from = a.effectiveFrom;
  const byData = from !== null && a.productId !== null && a.mechanism !== null;
  const facts = {
    today: clock.today,
    batchesChecked:
      from !== null && a.productId !== null
        ? await capaEvidenceQuery.findBatchesProduced(tx, a.productId, from, clock.today)
        : [],
    complaintsCounted:
      from !== null && a.productId !== null
        ? await capaEvidenceQuery.countComplaints(tx, a.productId, from, clock.today)
        : 0,
    recurrences: byData
      ? await capaEvidenceQuery.findRecurrences(tx, a.productId as string, a.mechanism as string, from)
      : [],
    note,
  };
  const r = decideEffectiveness(a, facts, clock.policy);
  if (!r.ok) throw new AppError(r.error.code, r.error.details);
  const decision = r.value;
  if (decision.outcome === 'pending') return { action: a, decision };
  const record: CapaVerification = {
    at: clock.now.toISOString(),
    by: actorIdOf(ctx),
    outcome: decision.outcome,
    windowEndsOn: decision.windowEndsOn,
    effectiveFrom: from as string,
    rules: decision.rules,
    evidence: decision.evidence,
  };
  const again = decision.outcome !== 'verified';
  const updated = await capaActionRepo.update(
    tx,
    a.id,
    {
      status: decision.outcome,
      reopenCount: decision.reopenCount,
      verifications: [...a.verifications, record],
      ...(again && {
        dueAt: fromLocalDateTime(
          clock.timeZone,
          addLocalDays(clock.today, clock.policy.reopenDueDays),
          86_400_000,
        ),
        escalatedAt: null,
      }),
    },
    clock.now,
  );
  await appendAudit(tx, ctx, clock.now, [
    {
      entityType: 'capa_action',
      entityId: a.id,
      action: `capa.action_${decision.outcome}`,
      before: { status: a.status, reopenCount: a.reopenCount },
      after: {
        status: updated.status,
        reopenCount: updated.reopenCount,
        rules: decision.rules,
        evidence: {
          batchesChecked: decision.evidence.batchesChecked.length,
          complaintsCounted: decision.evidence.complaintsCounted,
          recurrences: decision.evidence.recurrences.map((x) => x.complaintNumber ?? x.complaintId),
        },
      },
    },
  ]);
  await emitEvents(tx, clock.now, [
    {
      type: `capa.action_${decision.outcome}`,
      aggregateType: 'capa_action',
      aggregateId: a.id,
      payload: {
        number: a.number,
        outcome: decision.outcome,
        reopenCount: updated.reopenCount,
        dueAt: updated.dueAt.toISOString(),
        summary: capaSummaryOf(updated),
        recipients: again ? await findCapaRecipients(tx, a.ownerId) : [],
        recurrences: decision.evidence.recurrences.map((x) => ({
          complaintNumber: x.complaintNumber,
          batchNo: x.batchNo,
          productionDate: x.productionDate,
        })),
      },
    },
  ]);
  return { action: updated, decision };
};

/**
 * Runs the effectiveness decision of one action now (R-CAPA-3), on the data as it stands: a recurrence reopens it (or
 * sends it to the quality review meeting), a clean, passed window verifies it, otherwise it stays `done` and the
 * answer says until when it is watched. `note` is the verifier's evidence where the data cannot judge.
 */
export const verifyCapaAction = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { readonly note?: string | undefined },
): Promise<VerificationResult> => {
  const scope = capaScopeOf(ctx, 'capa.manage');
  return deps.db.transaction(async (tx) => {
    const clock = await loadCapaClock(deps, tx);
    const a = await capaActionRepo.findByIdForUpdate(tx, id, scope);
    if (!a) throw new AppError('CAPA_ACTION_NOT_FOUND');
    const { action, decision } = await applyEffectiveness(tx, ctx, a, clock, input.note ?? null);
    return { action: await toCapaView(tx, action, clock.now, decision.rules), decision };
  });
};
