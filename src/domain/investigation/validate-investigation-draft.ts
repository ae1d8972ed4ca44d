import {
  EVIDENCE_ITEM_KINDS,
  FISHBONE_CATEGORIES,
  ROOT_CAUSE_METHODS,
  type InvestigationComplaintFacts,
  type InvestigationRecord,
} from './investigation-record';
import type { InvestigationProblem } from './investigation-problem';

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * What even a draft may not hold: a checklist item that is not one of the R-INV-1 kinds, evidence that is not
 * attached to this complaint (R-INV-1), a root-cause method that is not one of the named methods, or a fishbone
 * category outside the 6M 人机料法测环 (R-INV-2). Everything else may be incomplete until filing.
 */
export const validateInvestigationDraft = (
  record: InvestigationRecord,
  complaint: InvestigationComplaintFacts,
): InvestigationProblem[] => {
  const problems: InvestigationProblem[] = [];
  const attached = new Set(complaint.evidenceIds);
  for (const [kind, item] of Object.entries(record.checklist)) {
    if (!isOneOf(EVIDENCE_ITEM_KINDS, kind))
      problems.push({ path: `checklist.${kind}`, rule: 'R-INV-1', problem: 'unknown_item' });
    item.evidenceIds.forEach((id, i) => {
      if (!attached.has(id))
        problems.push({
          path: `checklist.${kind}.evidenceIds.${i}`,
          rule: 'R-INV-1',
          problem: 'unknown_evidence',
        });
    });
  }
  record.methods.forEach((m, i) => {
    if (!isOneOf(ROOT_CAUSE_METHODS, m))
      problems.push({ path: `methods.${i}`, rule: 'R-INV-2', problem: 'unknown_method' });
  });
  for (const category of Object.keys(record.fishbone)) {
    if (!isOneOf(FISHBONE_CATEGORIES, category))
      problems.push({ path: `fishbone.${category}`, rule: 'R-INV-2', problem: 'unknown_category' });
  }
  return problems;
};
