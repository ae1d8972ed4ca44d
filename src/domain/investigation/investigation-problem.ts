/** The rules an investigation problem can come from. */
export type InvestigationRule = 'R-INV-1' | 'R-INV-2' | 'R-INV-3' | 'R-INV-4' | 'R-BAT-1';

/**
 * One reason the record cannot be saved or filed: the field path (dotted, e.g. `checklist.field_visit`,
 * `fiveWhy.2.because`), the rule it comes from and a machine-friendly problem code the UI translates.
 */
export type InvestigationProblem = {
  readonly path: string;
  readonly rule: InvestigationRule;
  readonly problem: string;
};
