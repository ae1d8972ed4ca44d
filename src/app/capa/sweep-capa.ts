import { isCapaOverdue } from '../../domain/capa/decide-capa-step';
import { capaActionRepo } from '../../db/repos/capa-action.repo';
import { appendAudit } from '../audit/append-audit';
import { systemContext } from '../context';
import type { Deps } from '../deps';
import { isAppError } from '../errors/app-error';
import { emitEvents } from '../platform/emit-events';
import { capaSummaryOf, findCapaRecipients, loadCapaClock } from './capa-context';
import { finaliseLapsedDisposals } from './disposals';
import { applyEffectiveness } from './verify-capa-action';

export type CapaSweepReport = {
  readonly escalated: number;
  readonly verified: number;
  readonly reopened: number;
  readonly review: number;
  readonly disposalsFinal: number;
};

/**
 * R-CAPA-1: working actions past their due time escalate once — to the owner and the department manager above —
 * and are marked so the next sweep does not repeat it (a reopening sets a new due date and arms it again).
 */
export const escalateOverdueCapaActions = async (deps: Deps, limit = 200): Promise<number> => {
  const ctx = systemContext('capa-sweep');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const due = (await capaActionRepo.claimOverdue(tx, now, limit)).filter((a) => isCapaOverdue(a, now));
    for (const a of due) {
      await capaActionRepo.update(tx, a.id, { escalatedAt: now }, now);
      await emitEvents(tx, now, [
        {
          type: 'capa.action_overdue',
          aggregateType: 'capa_action',
          aggregateId: a.id,
          payload: {
            number: a.number,
            title: a.title,
            dueAt: a.dueAt.toISOString(),
            summary: capaSummaryOf(a),
            recipients: await findCapaRecipients(tx, a.ownerId),
          },
        },
      ]);
    }
    await appendAudit(
      tx,
      ctx,
      now,
      due.map((a) => ({
        entityType: 'capa_action',
        entityId: a.id,
        action: 'capa.action_escalated',
        after: { dueAt: a.dueAt.toISOString(), rules: [{ rule: 'R-CAPA-1', detail: 'overdue' }] },
      })),
    );
    return due.length;
  });
};

/**
 * R-CAPA-3 on schedule: every done action whose watch window has passed, or on whose later production the problem has
 * recurred, gets its effectiveness decision — verified, reopened or sent to the quality review meeting.
 */
export const verifyDueCapaActions = async (
  deps: Deps,
  limit = 100,
): Promise<Pick<CapaSweepReport, 'verified' | 'reopened' | 'review'>> => {
  const ctx = systemContext('capa-sweep');
  const counts = { verified: 0, reopened: 0, review: 0 };
  await deps.db.transaction(async (tx) => {
    const clock = await loadCapaClock(deps, tx);
    for (const a of await capaActionRepo.claimDueForVerification(tx, clock.today, limit)) {
      try {
        const { decision } = await applyEffectiveness(tx, ctx, a, clock, null);
        if (decision.outcome !== 'pending') counts[decision.outcome] += 1;
      } catch (e) {
        // A refusal is decided before anything is written: leave the action for a person.
        if (!isAppError(e)) throw e;
        deps.log.warn({ capaActionId: a.id, code: e.code }, 'capa verification needs a person');
      }
    }
  });
  return counts;
};

/** The CAPA part of the deadline sweep: overdue escalation, effectiveness verification, lapsed disposal windows. */
export const sweepCapa = async (deps: Deps): Promise<CapaSweepReport> => {
  const escalated = await escalateOverdueCapaActions(deps);
  const verification = await verifyDueCapaActions(deps);
  const disposalsFinal = await finaliseLapsedDisposals(deps);
  return { escalated, ...verification, disposalsFinal };
};
