import type { Investigation, InvestigationProblem, SaveInvestigationBody } from '../../app/api-types';
import {
  EVIDENCE_ITEM_KINDS,
  FISHBONE_CATEGORIES,
  type ChecklistStatus,
  type EvidenceItemKind,
  type FishboneCategory,
  type ProductOutcome,
  type RootCauseMethod,
  type Verdict,
} from '../../../domain/investigation/investigation-record';

export type ChecklistRow = {
  status: ChecklistStatus;
  reason?: string;
  note?: string;
  evidenceIds?: string[];
};
export type FishboneRow = { text?: string; root?: boolean };

/** The investigation as the form edits it: every checklist item and fishbone category present. */
export type InvestigationFormValues = {
  checklist: Record<EvidenceItemKind, ChecklistRow>;
  methods: RootCauseMethod[];
  fiveWhy: { why?: string; because?: string }[];
  fishbone: Record<FishboneCategory, FishboneRow[]>;
  occurrenceCause?: string;
  escapeCause?: string;
  failureMechanism?: string;
  /** '' stands for "no verdict" (a radio needs a value). */
  verdict: Verdict | '';
  recallAnalysisNeeded: boolean;
  productOutcome?: ProductOutcome;
};

/** The stored record as form values (null → undefined, no verdict → ''). */
export const toFormValues = (view: Investigation): InvestigationFormValues => ({
  checklist: Object.fromEntries(
    EVIDENCE_ITEM_KINDS.map((k) => {
      const item = view.checklist[k];
      return [
        k,
        {
          status: item.status,
          reason: item.reason ?? undefined,
          note: item.note ?? undefined,
          evidenceIds: [...item.evidenceIds],
        },
      ];
    }),
  ) as Record<EvidenceItemKind, ChecklistRow>,
  methods: view.methods as RootCauseMethod[],
  fiveWhy: view.fiveWhy.map((s) => ({ why: s.why, because: s.because })),
  fishbone: Object.fromEntries(
    FISHBONE_CATEGORIES.map((c) => [c, view.fishbone[c].map((x) => ({ text: x.text, root: x.root }))]),
  ) as Record<FishboneCategory, FishboneRow[]>,
  occurrenceCause: view.occurrenceCause ?? undefined,
  escapeCause: view.escapeCause ?? undefined,
  failureMechanism: view.failureMechanism ?? undefined,
  verdict: view.verdict ?? '',
  recallAnalysisNeeded: view.recallAnalysisNeeded,
  productOutcome: view.productOutcome ?? undefined,
});

const text = (s: string | undefined | null): string | null => {
  const trimmed = s?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * The form as the PUT body (a whole replacement): blank text is sent as null, pending items without anything in
 * them and blank fishbone causes are left out, a 5-Why step keeps its blanks (the server names them as problems).
 */
export const toSaveBody = (values: InvestigationFormValues, version: number): SaveInvestigationBody => {
  const checklist: NonNullable<SaveInvestigationBody['checklist']> = {};
  for (const kind of EVIDENCE_ITEM_KINDS) {
    const row = values.checklist?.[kind];
    if (!row) continue;
    const reason = row.status === 'not_applicable' ? text(row.reason) : null;
    const note = text(row.note);
    const evidenceIds = row.evidenceIds ?? [];
    if (row.status === 'pending' && !note && evidenceIds.length === 0) continue;
    checklist[kind] = { status: row.status, reason, note, evidenceIds };
  }
  const fishbone: NonNullable<SaveInvestigationBody['fishbone']> = {};
  for (const category of FISHBONE_CATEGORIES) {
    const causes = (values.fishbone?.[category] ?? []).flatMap((c) => {
      const t = text(c?.text);
      return t ? [{ text: t, root: c.root === true }] : [];
    });
    if (causes.length > 0) fishbone[category] = causes;
  }
  return {
    version,
    checklist,
    methods: values.methods ?? [],
    fiveWhy: (values.fiveWhy ?? []).map((s) => ({
      why: s?.why?.trim() ?? '',
      because: s?.because?.trim() ?? '',
    })),
    fishbone,
    occurrenceCause: text(values.occurrenceCause),
    escapeCause: text(values.escapeCause),
    failureMechanism: text(values.failureMechanism),
    verdict: values.verdict === '' ? null : values.verdict,
    recallAnalysisNeeded: values.recallAnalysisNeeded === true,
    productOutcome: values.productOutcome ?? null,
  };
};

/**
 * The server's problems whose path is `path` or lies under it (`checklist.field_visit` also takes
 * `checklist.field_visit.reason`), so each shows next to its field.
 */
export const problemsAt = (problems: readonly InvestigationProblem[], path: string): InvestigationProblem[] =>
  problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`));
