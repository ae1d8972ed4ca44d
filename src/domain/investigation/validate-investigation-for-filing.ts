import {
  FIVE_WHY_MIN_STEPS,
  PENDING_ITEM,
  isSeriousCase,
  type EvidenceItemKind,
  type InvestigationComplaintFacts,
  type InvestigationRecord,
  type ProductOutcome,
  type Verdict,
} from './investigation-record';
import type { InvestigationProblem } from './investigation-problem';
import { validateInvestigationDraft } from './validate-investigation-draft';

/** R-INV-1 items that must each be done, or not applicable with a reason, before filing. */
const ALWAYS_DECIDED: readonly EvidenceItemKind[] = [
  'retained_sample',
  'production_records',
  'inspection_reports',
  'shipping_records',
];

/**
 * R-INV-4 the verdicts each product outcome is consistent with. Continue selling means no quality problem was
 * found: no verdict, or at most an isolated one. An exchange is for an individual defect (an isolated or a serious
 * single case, never a batch). Repackaging is for outer packaging only (one unit or a whole batch; a serious case is
 * not a packaging matter). A recall needs a batch or serious verdict.
 */
export const OUTCOME_VERDICTS: Readonly<Record<ProductOutcome, readonly (Verdict | null)[]>> = {
  continue_selling: [null, 'isolated'],
  exchange: ['isolated', 'serious'],
  repackage: ['isolated', 'batch'],
  recall: ['batch', 'serious'],
};

const blank = (s: string | null | undefined): boolean => s === null || s === undefined || s.trim() === '';

const checklistProblems = (
  record: InvestigationRecord,
  complaint: InvestigationComplaintFacts,
): InvestigationProblem[] => {
  const problems: InvestigationProblem[] = [];
  const item = (kind: EvidenceItemKind) => record.checklist[kind] ?? PENDING_ITEM;
  for (const [kind, it] of Object.entries(record.checklist)) {
    if (it.status === 'not_applicable' && blank(it.reason))
      problems.push({ path: `checklist.${kind}.reason`, rule: 'R-INV-1', problem: 'reason_required' });
  }
  for (const kind of ALWAYS_DECIDED) {
    if (item(kind).status === 'pending')
      problems.push({ path: `checklist.${kind}`, rule: 'R-INV-1', problem: 'item_pending' });
  }
  if (item('returned_unit').status !== 'done' && item('photos_videos').status !== 'done')
    problems.push({ path: 'checklist.returned_unit', rule: 'R-INV-1', problem: 'unit_or_media_required' });
  if (isSeriousCase(record, complaint) && item('field_visit').status !== 'done')
    problems.push({ path: 'checklist.field_visit', rule: 'R-INV-1', problem: 'field_visit_required' });
  return problems;
};

const rootCauseProblems = (record: InvestigationRecord): InvestigationProblem[] => {
  const problems: InvestigationProblem[] = [];
  if (record.methods.length === 0)
    problems.push({ path: 'methods', rule: 'R-INV-2', problem: 'method_required' });
  if (record.methods.includes('five_why') || record.fiveWhy.length > 0) {
    if (record.fiveWhy.length < FIVE_WHY_MIN_STEPS)
      problems.push({ path: 'fiveWhy', rule: 'R-INV-2', problem: 'five_why_too_short' });
    record.fiveWhy.forEach((step, i) => {
      if (blank(step.why))
        problems.push({ path: `fiveWhy.${i}.why`, rule: 'R-INV-2', problem: 'text_required' });
      if (blank(step.because))
        problems.push({ path: `fiveWhy.${i}.because`, rule: 'R-INV-2', problem: 'text_required' });
    });
  }
  const causes = Object.entries(record.fishbone);
  if (record.methods.includes('fishbone') || causes.some(([, list]) => list.length > 0)) {
    if (!causes.some(([, list]) => list.some((c) => c.root)))
      problems.push({ path: 'fishbone', rule: 'R-INV-2', problem: 'root_cause_not_marked' });
    for (const [category, list] of causes) {
      list.forEach((c, i) => {
        if (blank(c.text))
          problems.push({
            path: `fishbone.${category}.${i}.text`,
            rule: 'R-INV-2',
            problem: 'text_required',
          });
      });
    }
  }
  if (blank(record.occurrenceCause))
    problems.push({ path: 'occurrenceCause', rule: 'R-INV-2', problem: 'occurrence_cause_required' });
  if (blank(record.escapeCause))
    problems.push({ path: 'escapeCause', rule: 'R-INV-2', problem: 'escape_cause_required' });
  return problems;
};

const verdictAndOutcomeProblems = (
  record: InvestigationRecord,
  complaint: InvestigationComplaintFacts,
): InvestigationProblem[] => {
  const problems: InvestigationProblem[] = [];
  const outcome = record.productOutcome;
  if (record.verdict === null && outcome !== 'continue_selling')
    problems.push({ path: 'verdict', rule: 'R-INV-3', problem: 'verdict_required' });
  if (outcome === null) {
    problems.push({ path: 'productOutcome', rule: 'R-INV-4', problem: 'outcome_required' });
    return problems;
  }
  // A missing verdict is reported once, as verdict_required, not again as a contradiction.
  const verdictKnown = record.verdict !== null || outcome === 'continue_selling';
  if (verdictKnown && !OUTCOME_VERDICTS[outcome].includes(record.verdict))
    problems.push({ path: 'productOutcome', rule: 'R-INV-4', problem: 'outcome_contradicts_verdict' });
  const noProblemValidity =
    complaint.validity === 'no_quality_problem' || complaint.validity === 'not_our_product';
  if (outcome === 'continue_selling' ? complaint.validity === 'valid' : noProblemValidity)
    problems.push({ path: 'productOutcome', rule: 'R-INV-4', problem: 'outcome_contradicts_validity' });
  if (outcome !== 'continue_selling' && blank(record.failureMechanism))
    problems.push({ path: 'failureMechanism', rule: 'R-BAT-1', problem: 'failure_mechanism_required' });
  return problems;
};

/**
 * Every reason the investigation cannot be filed yet, each with its field path and rule, so the investigator sees
 * them all at once. An empty list means it may be filed.
 *
 * - R-INV-1 evidence: retained-sample retest, production records, QC/inspection reports and shipping records each
 *   done or not applicable; the returned unit or photos/videos done; any not-applicable item with a reason; a field
 *   visit done in a serious case (see `isSeriousCase`); evidence ids attached to this complaint.
 * - R-INV-2 root cause: at least one named method; a 5-Why chain (when named or entered) of at least 3 complete
 *   why → because steps, the last because being the root cause; a fishbone (when named or entered) within the 6M
 *   categories with at least one cause marked as root; the cause of occurrence **and** the cause of escape.
 * - R-INV-3 a technical verdict (isolated 个别, batch 批量, serious 严重), except when no quality problem was found.
 * - R-INV-4 a product outcome consistent with the verdict (`OUTCOME_VERDICTS`) and with the complaint's validity:
 *   continue selling only when the complaint is not confirmed `valid`; exchange, repackage or recall only when it is
 *   not `no_quality_problem` or `not_our_product`.
 * - R-BAT-1 a failure mechanism whenever a defect was found (any outcome but continue selling): batch signals count
 *   by it.
 */
export const validateInvestigationForFiling = (
  record: InvestigationRecord,
  complaint: InvestigationComplaintFacts,
): InvestigationProblem[] => [
  ...validateInvestigationDraft(record, complaint),
  ...checklistProblems(record, complaint),
  ...rootCauseProblems(record),
  ...verdictAndOutcomeProblems(record, complaint),
];
