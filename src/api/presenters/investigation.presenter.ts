import type { z } from 'zod';
import type { InvestigationView } from '../../app/investigation/investigation-view';
import {
  EVIDENCE_ITEM_KINDS,
  EVIDENCE_ITEM_LABELS,
  FISHBONE_CATEGORIES,
  PENDING_ITEM,
} from '../../domain/investigation/investigation-record';
import type { ZInvestigationView } from '../../contracts/investigation.contract';

type View = z.infer<typeof ZInvestigationView>;

/** The investigation record with its checklist labels, the 5-Why root cause, filing problems and triggered rules. */
export const presentInvestigation = (v: InvestigationView): View => {
  const r = v.record;
  const checklist = Object.fromEntries(
    EVIDENCE_ITEM_KINDS.map((kind) => {
      const item = r.checklist[kind] ?? PENDING_ITEM;
      return [
        kind,
        {
          label: EVIDENCE_ITEM_LABELS[kind],
          status: item.status,
          reason: item.reason,
          note: item.note,
          evidenceIds: [...item.evidenceIds],
        },
      ];
    }),
  ) as View['checklist'];
  const fishbone = Object.fromEntries(
    FISHBONE_CATEGORIES.map((c) => [c, (r.fishbone[c] ?? []).map((x) => ({ text: x.text, root: x.root }))]),
  ) as View['fishbone'];
  return {
    complaintId: v.complaint.id,
    complaintNumber: v.complaint.number,
    complaintStatus: v.complaint.status,
    state: v.state,
    editable: v.editable,
    version: v.version,
    checklist,
    methods: [...r.methods],
    fiveWhy: r.fiveWhy.map((s) => ({ why: s.why, because: s.because })),
    fiveWhyRootCause: r.fiveWhy.at(-1)?.because || null,
    fishbone,
    occurrenceCause: r.occurrenceCause,
    escapeCause: r.escapeCause,
    failureMechanism: r.failureMechanism,
    verdict: r.verdict,
    recallAnalysisNeeded: r.recallAnalysisNeeded,
    productOutcome: r.productOutcome,
    filedAt: v.filedAt?.toISOString() ?? null,
    filedBy: v.filedBy,
    createdAt: v.createdAt?.toISOString() ?? null,
    updatedAt: v.updatedAt?.toISOString() ?? null,
    problems: v.problems.map((p) => ({ path: p.path, rule: p.rule, problem: p.problem })),
    rules: v.effects.rules.map((h) => (h.detail === undefined ? { rule: h.rule } : { ...h })),
  };
};
