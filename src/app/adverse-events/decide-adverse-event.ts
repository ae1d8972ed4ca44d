import { isDecided, type AdverseEvent, type ReportFacts } from '../../domain/adverse-event/adverse-event';
import {
  decideReportDecision,
  type ReportDecisionInput,
} from '../../domain/adverse-event/decide-report-decision';
import type { Tx } from '../../db/client';
import { adverseEventRepo } from '../../db/repos/adverse-event.repo';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { appendAudit } from '../audit/append-audit';
import { complaintScopeOf } from '../complaints/get-complaint';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { emitEvents } from '../platform/emit-events';

/** The evaluation locked for a change, when its complaint is within the actor's scope (404 otherwise). */
const lockInScope = async (tx: Tx, ctx: UseCaseContext, id: string): Promise<AdverseEvent> => {
  const evaluation = await adverseEventRepo.findByIdForUpdate(tx, id);
  if (!evaluation || !(await complaintRepo.findById(tx, evaluation.complaintId, complaintScopeOf(ctx))))
    throw new AppError('ADVERSE_EVENT_NOT_FOUND');
  return evaluation;
};

/**
 * Records one reportability decision (R-AE-2): reportable or not, the rationale, and — when reported — the
 * submission reference and time. When every row is decided the evaluation is `decided` (and the complaint may close);
 * a revision is audited with the previous answer and announced as `adverse_event.decided`.
 */
export const decideAdverseEvent = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  decisionId: string,
  input: ReportDecisionInput,
): Promise<AdverseEvent> => {
  assertPermission(ctx.actor, 'adverse_event.manage');
  const now = deps.clock.now();
  const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  return deps.db.transaction(async (tx) => {
    const evaluation = await lockInScope(tx, ctx, id);
    const current = evaluation.decisions.find((d) => d.id === decisionId);
    if (!current) throw new AppError('ADVERSE_EVENT_DECISION_NOT_FOUND', { decisionId });
    const decided = decideReportDecision(current, input, { now, awareAt: evaluation.awareAt });
    if (!decided.ok) {
      const { code, ...details } = decided.error;
      throw new AppError(code, { ...details, decisionId });
    }
    const patch = decided.value;
    await adverseEventRepo.updateDecision(tx, decisionId, {
      reportable: patch.reportable,
      rationale: patch.rationale,
      submissionRef: patch.submissionRef,
      submittedAt: patch.submittedAt,
      decidedAt: patch.decidedAt,
      decidedBy: by,
    });
    const allDecided = evaluation.decisions.every((d) => (d.id === decisionId ? true : isDecided(d)));
    await adverseEventRepo.update(
      tx,
      id,
      allDecided
        ? { status: 'decided', closedAt: evaluation.closedAt ?? now }
        : { status: 'evaluating', closedAt: null },
    );
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'adverse_event_decision',
        entityId: decisionId,
        action: 'adverse_event.decided',
        before: {
          reportable: current.reportable,
          rationale: current.rationale,
          submissionRef: current.submissionRef,
          submittedAt: current.submittedAt,
        },
        after: {
          adverseEventId: id,
          complaintId: evaluation.complaintId,
          jurisdiction: current.jurisdiction,
          reportKind: current.reportKind,
          dueAt: current.dueAt,
          reportable: patch.reportable,
          submissionRef: patch.submissionRef,
          submittedAt: patch.submittedAt,
          evaluationStatus: allDecided ? 'decided' : 'evaluating',
          rules: patch.rules,
        },
        reason: patch.rationale,
      },
    ]);
    await emitEvents(tx, now, [
      {
        type: 'adverse_event.decided',
        aggregateType: 'adverse_event',
        aggregateId: id,
        payload: {
          complaintId: evaluation.complaintId,
          decisionId,
          jurisdiction: current.jurisdiction,
          reportKind: current.reportKind,
          reportable: patch.reportable,
          submitted: patch.submittedAt !== null,
          evaluationDecided: allDecided,
        },
      },
    ]);
    return (await adverseEventRepo.findById(tx, id)) as AdverseEvent;
  });
};

/** Replaces the report facts the record does not hold (patient outcome, operator, cause, actions); audited. */
export const updateAdverseEventFacts = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  facts: ReportFacts,
): Promise<AdverseEvent> => {
  assertPermission(ctx.actor, 'adverse_event.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const evaluation = await lockInScope(tx, ctx, id);
    await adverseEventRepo.update(tx, id, { reportData: { ...evaluation.reportData, facts } });
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'adverse_event',
        entityId: id,
        action: 'adverse_event.facts_updated',
        before: evaluation.reportData.facts,
        after: facts,
      },
    ]);
    return (await adverseEventRepo.findById(tx, id)) as AdverseEvent;
  });
};
