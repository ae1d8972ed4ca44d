import type { RuleHit } from '../shared/rule-hit';
import type {
  AdverseEventType,
  Confidence,
  Localised,
  ReportDuration,
  ReportForm,
} from './adverse-event-policy';

export type AdverseEventStatus = 'evaluating' | 'decided';

/** One reportability decision (R-AE-2): a report kind of a jurisdiction, its deadline, and what was decided. */
export type ReportDecision = {
  readonly id: string;
  readonly adverseEventId: string;
  readonly jurisdiction: string;
  readonly reportKind: string;
  readonly dueAt: Date;
  readonly reportable: boolean | null;
  readonly rationale: string | null;
  readonly decidedAt: Date | null;
  readonly decidedBy: string | null;
  readonly submittedAt: Date | null;
  readonly submissionRef: string | null;
};

export const PATIENT_SEXES = ['male', 'female', 'unknown'] as const;
export const DEVICE_OPERATORS = ['health_professional', 'patient', 'other', 'unknown'] as const;

/**
 * Facts of the report the complaint record does not hold (entered by the quality engineer): the patient's outcome
 * and data, who operated the device, what the manufacturer did and found.
 */
export type ReportFacts = {
  readonly patientOutcome?: string | null;
  readonly patientAge?: number | null;
  readonly patientSex?: (typeof PATIENT_SEXES)[number] | null;
  readonly deviceOperator?: (typeof DEVICE_OPERATORS)[number] | null;
  readonly deviceAvailableForEvaluation?: boolean | null;
  readonly causeAnalysis?: string | null;
  readonly manufacturerActions?: string | null;
};

/** The rule a decision row was opened under, kept as it was then (a later policy change does not rewrite it). */
export type DecisionBasis = {
  readonly form: ReportForm | null;
  readonly label: Localised;
  readonly duration: ReportDuration;
  readonly source: string;
  readonly confidence: Confidence;
  readonly provisional: boolean;
  readonly rules: readonly RuleHit[];
};

/** Why the evaluation was opened or extended: the event type, when the company became aware, and by which path. */
export type EvaluationTrigger = {
  readonly eventType: AdverseEventType;
  readonly awareAt: string;
  readonly at: string;
  readonly via: 'registered' | 'triaged' | 'updated' | 'manual';
};

/** `adverse_events.report_data`: report facts, the basis of each decision row (key `jurisdiction/kind`), triggers. */
export type ReportData = {
  readonly facts: ReportFacts;
  readonly basis: Readonly<Record<string, DecisionBasis>>;
  readonly triggers: readonly EvaluationTrigger[];
};

/** An adverse-event evaluation of one complaint (R-AE-2) with its decisions. */
export type AdverseEvent = {
  readonly id: string;
  readonly complaintId: string;
  readonly eventType: AdverseEventType;
  readonly awareAt: Date;
  readonly status: AdverseEventStatus;
  readonly reportData: ReportData;
  readonly openedAt: Date;
  /** When the last open decision was taken (status `decided`); null while evaluating. */
  readonly closedAt: Date | null;
  readonly version: number;
  readonly decisions: readonly ReportDecision[];
};

export const basisKey = (jurisdiction: string, reportKind: string): string => `${jurisdiction}/${reportKind}`;

/** A decision is taken when reportability is answered with a rationale (R-AE-2 keeps both). */
export const isDecided = (d: Pick<ReportDecision, 'reportable' | 'rationale'>): boolean =>
  d.reportable !== null && d.rationale !== null && d.rationale.trim() !== '';
