import type { z } from 'zod';
import type { CapaActionView } from '../../app/capa/capa-action-view';
import type { EightDView } from '../../app/capa/eight-d-reports';
import type { DisposalView } from '../../app/capa/disposals';
import type { VerificationResult } from '../../app/capa/verify-capa-action';
import type { CapaEvidence } from '../../domain/capa/capa-action';
import type { RuleHit } from '../../domain/shared/rule-hit';
import type { ZCapaAction, ZCapaEvidence, ZCapaVerificationResult } from '../../contracts/capa.contract';
import type { ZDisposal } from '../../contracts/disposal.contract';
import type { ZEightDReport } from '../../contracts/eight-d.contract';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const rulesOf = (rules: readonly RuleHit[]) =>
  rules.map((r) => ({ rule: r.rule, ...(r.detail !== undefined && { detail: r.detail }) }));

const evidenceOf = (e: CapaEvidence): z.output<typeof ZCapaEvidence> => ({
  producedFrom: e.producedFrom,
  producedUntil: e.producedUntil,
  batchesChecked: e.batchesChecked.map((b) => ({ ...b })),
  unitsProduced: e.unitsProduced,
  complaintsCounted: e.complaintsCounted,
  recurrences: e.recurrences.map((r) => ({ ...r })),
  note: e.note,
});

export const presentCapaAction = (a: CapaActionView): z.output<typeof ZCapaAction> => ({
  id: a.id,
  number: a.number,
  sourceType: a.sourceType,
  sourceId: a.sourceId,
  kind: a.kind,
  title: a.title,
  description: a.description,
  productId: a.productId,
  mechanism: a.mechanism,
  ownerId: a.ownerId,
  ownerName: a.ownerName,
  dueAt: a.dueAt.toISOString(),
  overdue: a.overdue,
  escalatedAt: iso(a.escalatedAt),
  status: a.status,
  doneAt: iso(a.doneAt),
  doneBy: a.doneBy,
  completionNote: a.completionNote,
  effectiveFrom: a.effectiveFrom,
  verifyAfterDays: a.verifyAfterDays,
  windowEndsOn: a.windowEndsOn,
  reopenCount: a.reopenCount,
  verifications: a.verifications.map((v) => ({
    at: v.at,
    by: v.by,
    outcome: v.outcome,
    windowEndsOn: v.windowEndsOn,
    effectiveFrom: v.effectiveFrom,
    rules: rulesOf(v.rules),
    evidence: evidenceOf(v.evidence),
  })),
  gmApprovedBy: a.gmApprovedBy,
  gmApprovedAt: iso(a.gmApprovedAt),
  cancelReason: a.cancelReason,
  createdBy: a.createdBy,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
  version: a.version,
  rules: rulesOf(a.rules),
});

export const presentCapaVerification = (r: VerificationResult): z.output<typeof ZCapaVerificationResult> => ({
  action: presentCapaAction(r.action),
  decision: {
    outcome: r.decision.outcome,
    windowEndsOn: r.decision.windowEndsOn,
    reopenCount: r.decision.reopenCount,
    rules: rulesOf(r.decision.rules),
    evidence: evidenceOf(r.decision.evidence),
  },
});

export const presentEightDReport = (r: EightDView): z.output<typeof ZEightDReport> => ({
  id: r.id,
  number: r.number,
  sourceType: r.sourceType,
  sourceId: r.sourceId,
  customerRequested: r.customerRequested,
  title: r.title,
  sections: r.sections as z.output<typeof ZEightDReport>['sections'],
  completeness: Object.fromEntries(Object.entries(r.completeness).map(([k, v]) => [k, [...v]])) as z.output<
    typeof ZEightDReport
  >['completeness'],
  status: r.status,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  closedAt: iso(r.closedAt),
  version: r.version,
  rules: rulesOf(r.rules),
});

export const presentDisposal = (d: DisposalView): z.output<typeof ZDisposal> => ({
  id: d.id,
  number: d.number,
  sourceType: d.sourceType,
  sourceId: d.sourceId,
  nonconformity: d.nonconformity,
  decision: d.decision,
  status: d.status,
  round: d.round,
  publishedAt: iso(d.publishedAt),
  objectionUntil: iso(d.objectionUntil),
  approvals: d.approvals.map((a) => ({ ...a })),
  returns: d.returns.map((r) => ({ ...r })),
  objections: d.objections.map((o) => ({
    round: o.round,
    reason: o.reason,
    by: o.by,
    byName: o.byName,
    at: o.at,
    decisionObjected: o.decisionObjected,
    reinvestigation: o.reinvestigation ? { ...o.reinvestigation } : null,
  })),
  ruling: d.ruling ? { ...d.ruling } : null,
  createdBy: d.createdBy,
  createdAt: d.createdAt.toISOString(),
  version: d.version,
  rules: rulesOf(d.rules),
});
