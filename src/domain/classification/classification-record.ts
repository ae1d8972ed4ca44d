import type { Nature, ResponsibilityStage, Validity } from '../complaint/complaint-vocabulary';
import { err, ok, type Result } from '../shared/result';
import type { RuleHit } from '../shared/rule-hit';
import { findSeverityClass, type SeverityTaxonomy } from './severity-taxonomy';
import type { ClassificationSuggestion, MajorTrigger } from './suggest-classification';

/** The fields a person may change from the suggestion; recorded for the audit trail. */
export type SuggestedField = 'nature' | 'severity' | 'major' | 'misuse';

/** A classification confirmed by a person (R-CLS-1..6). */
export type ClassificationRecord = {
  readonly nature: Nature;
  /** A code of the taxonomy in force when it was confirmed. */
  readonly severity: string;
  readonly major: boolean;
  /** Why a person unticked a trigger-based major (R-CLS-3); null otherwise. */
  readonly majorRemovalReason: string | null;
  readonly validity: Validity;
  readonly responsibilityStage: ResponsibilityStage;
  readonly misuse: boolean;
  readonly confirmedBy: string;
  readonly confirmedAt: Date;
  readonly suggested: ClassificationSuggestion | null;
  /** Which suggested fields the person changed; empty when there was no suggestion. */
  readonly changedFromSuggestion: readonly SuggestedField[];
  readonly rules: readonly RuleHit[];
};

export type ClassificationConfirmation = {
  readonly nature: Nature;
  readonly severity: string;
  /** Omitted: keep the suggestion's answer (false without a suggestion). */
  readonly major?: boolean;
  /** Required to untick a major complaint that R-CLS-3 triggers made major. */
  readonly majorRemovalReason?: string;
  readonly validity: Validity;
  readonly responsibilityStage: ResponsibilityStage;
  readonly misuse: boolean;
};

export type ClassificationError =
  | {
      readonly code: 'SEVERITY_NOT_IN_TAXONOMY';
      readonly severity: string;
      readonly allowed: readonly string[];
    }
  | { readonly code: 'MAJOR_REMOVAL_REASON_REQUIRED'; readonly triggers: readonly MajorTrigger[] }
  | { readonly code: 'MAJOR_REMOVAL_FORBIDDEN'; readonly triggers: readonly MajorTrigger[] };

/**
 * Records a person's classification of a complaint (R-CLS-1..6): the system suggests, a person decides.
 * - R-CLS-2: the severity must be a class of the taxonomy (a special class, 特殊, is allowed here: only a person
 *   may assign it, and R-MAL-2 is cited: verify before any settlement).
 * - R-CLS-3: a person may make any complaint major. Unticking a major that triggers made needs a written
 *   reason, which is recorded and cited; when an injury is among the triggers it is refused outright — the
 *   injury answer (R-AE-1) is what must be corrected, and that re-runs the suggestion. `major` omitted keeps
 *   the suggestion.
 * - R-CLS-6: misuse is true when the person says so, or the nature is misuse, or the responsibility stage is
 *   customer misuse; then an explanation to the customer is due within 24 h (the deadline module runs the clock).
 * - Fields the person changed from the suggestion (nature, severity, major, misuse) are listed for the audit.
 */
export const decideClassification = (
  suggestion: ClassificationSuggestion | null,
  confirmation: ClassificationConfirmation,
  taxonomy: SeverityTaxonomy,
  actor: string,
  now: Date,
): Result<ClassificationRecord, ClassificationError> => {
  const severityClass = findSeverityClass(taxonomy, confirmation.severity);
  if (!severityClass) {
    return err({
      code: 'SEVERITY_NOT_IN_TAXONOMY',
      severity: confirmation.severity,
      allowed: taxonomy.classes.map((c) => c.code),
    });
  }
  const rules: RuleHit[] = [];
  const triggers = suggestion?.majorTriggers ?? [];
  const major = confirmation.major ?? suggestion?.major ?? false;
  let majorRemovalReason: string | null = null;
  if (!major && triggers.length > 0) {
    if (triggers.includes('injury')) return err({ code: 'MAJOR_REMOVAL_FORBIDDEN', triggers });
    const reason = confirmation.majorRemovalReason?.trim() ?? '';
    if (reason === '') return err({ code: 'MAJOR_REMOVAL_REASON_REQUIRED', triggers });
    majorRemovalReason = reason;
  }
  const misuse =
    confirmation.misuse ||
    confirmation.nature === 'misuse' ||
    confirmation.responsibilityStage === 'customer_misuse';

  const changed: SuggestedField[] = [];
  if (suggestion) {
    if (suggestion.nature !== confirmation.nature) changed.push('nature');
    if (suggestion.severity !== confirmation.severity) changed.push('severity');
    if (suggestion.major !== major) changed.push('major');
    if (suggestion.misuseSuspected !== misuse) changed.push('misuse');
  }
  const was = (field: SuggestedField, value: unknown): string =>
    changed.includes(field) ? ` (suggested ${String(value)})` : '';

  rules.push({
    rule: 'R-CLS-1',
    detail: `nature ${confirmation.nature}${was('nature', suggestion?.nature)}`,
  });
  rules.push({
    rule: 'R-CLS-2',
    detail: `severity ${severityClass.code} ${severityClass.label['zh-CN']}${was('severity', suggestion?.severity)}`,
  });
  if (major) {
    const why = triggers.length > 0 ? triggers.join(', ') : `set by ${actor}`;
    rules.push({ rule: 'R-CLS-3', detail: `major: ${why}` });
  } else if (majorRemovalReason !== null) {
    rules.push({
      rule: 'R-CLS-3',
      detail: `major removed by ${actor} (${triggers.join(', ')}): ${majorRemovalReason}`,
    });
  }
  rules.push({ rule: 'R-CLS-4', detail: `validity ${confirmation.validity}` });
  rules.push({ rule: 'R-CLS-5', detail: `responsibility stage ${confirmation.responsibilityStage}` });
  if (misuse) rules.push({ rule: 'R-CLS-6', detail: 'misuse: explanation to the customer due within 24 h' });
  if (severityClass.special)
    rules.push({ rule: 'R-MAL-2', detail: 'special class: verify before any settlement' });

  return ok({
    nature: confirmation.nature,
    severity: severityClass.code,
    major,
    majorRemovalReason,
    validity: confirmation.validity,
    responsibilityStage: confirmation.responsibilityStage,
    misuse,
    confirmedBy: actor,
    confirmedAt: now,
    suggested: suggestion,
    changedFromSuggestion: changed,
    rules,
  });
};
