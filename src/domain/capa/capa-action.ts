import type { RuleHit } from '../shared/rule-hit';

/** Where a CAPA action comes from (R-CAPA-1…4): a complaint, a batch case, a quality report, a recurrence, management review. */
export const CAPA_SOURCE_TYPES = [
  'complaint',
  'batch_case',
  'quality_report',
  'recurrence',
  'management_review',
] as const;
export type CapaSourceType = (typeof CAPA_SOURCE_TYPES)[number];

/** Containment 临时措施, corrective 纠正措施 (permanent), preventive 预防措施 (R-CAPA-1, R-CAPA-4). */
export const CAPA_KINDS = ['containment', 'corrective', 'preventive'] as const;
export type CapaKind = (typeof CAPA_KINDS)[number];

/**
 * The lifecycle of an action:
 * - `awaiting_approval` — a preventive action waits for the general manager (R-CAPA-4); `open` once approved,
 *   `cancelled` when he rejects it;
 * - `open` → `done` (with the production date it applies from) → `verified` when the watch window passes without a
 *   recurrence (R-CAPA-3);
 * - `done` → `reopened` at a recurrence → `done` …; after `reviewAfterReopens` reopenings the next recurrence sends it
 *   to `review` (the quality review meeting), which decides new measures → `done` again.
 * Containment actions are temporary: they end at `done` and are not verified on production data.
 */
export const CAPA_STATUSES = [
  'awaiting_approval',
  'open',
  'done',
  'verified',
  'reopened',
  'review',
  'cancelled',
] as const;
export type CapaStatus = (typeof CAPA_STATUSES)[number];

/** Statuses in which the owner still has work to do by the due date (R-CAPA-1). */
export const CAPA_WORKING_STATUSES: readonly CapaStatus[] = ['open', 'reopened', 'review'];

/** One recurrence of the (product, failure mechanism) on a batch produced on or after `effectiveFrom` (R-CAPA-3). */
export type CapaRecurrence = {
  readonly complaintId: string;
  readonly complaintNumber: string | null;
  readonly batchNo: string;
  readonly productionDate: string;
  readonly receivedAt: string;
};

/** A batch of the product produced inside the watch window (evidence of R-CAPA-3). */
export type CapaBatchChecked = {
  readonly batchNo: string;
  readonly productionDate: string;
  readonly quantity: number | null;
};

export type CapaEvidence = {
  /** The production dates looked at: from `effectiveFrom` up to the day of the decision (local dates). */
  readonly producedFrom: string;
  readonly producedUntil: string;
  readonly batchesChecked: readonly CapaBatchChecked[];
  readonly unitsProduced: number;
  /** Counted complaints of the product, any failure mechanism, on the batches checked. */
  readonly complaintsCounted: number;
  /** Those with the action's failure mechanism: the recurrences. */
  readonly recurrences: readonly CapaRecurrence[];
  readonly note: string | null;
};

/** A verification that changed the action's status: verified, reopened or sent to review (R-CAPA-3). */
export type CapaVerification = {
  readonly at: string;
  readonly by: string | null;
  readonly outcome: 'verified' | 'reopened' | 'review';
  readonly windowEndsOn: string;
  readonly effectiveFrom: string;
  readonly rules: readonly RuleHit[];
  readonly evidence: CapaEvidence;
};

export type CapaAction = {
  readonly id: string;
  readonly number: string;
  readonly sourceType: CapaSourceType;
  readonly sourceId: string | null;
  readonly kind: CapaKind;
  readonly title: string;
  readonly description: string;
  readonly productId: string | null;
  readonly mechanism: string | null;
  readonly ownerId: string;
  readonly dueAt: Date;
  readonly status: CapaStatus;
  readonly doneAt: Date | null;
  readonly doneBy: string | null;
  readonly completionNote: string | null;
  /** The production date from which the action applies (local date); batches produced on or after it are watched. */
  readonly effectiveFrom: string | null;
  readonly verifyAfterDays: number;
  readonly verifications: readonly CapaVerification[];
  readonly gmApprovedBy: string | null;
  readonly gmApprovedAt: Date | null;
  readonly reopenCount: number;
  readonly escalatedAt: Date | null;
  readonly cancelReason: string | null;
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
};

/** CA-YYYY-NNNN: the year of creation (Asia/Shanghai by default) and its gapless order. */
export const formatCapaNumber = (year: number, seq: number): string =>
  `CA-${year}-${String(seq).padStart(4, '0')}`;

/** 8D-YYYY-NNNN. */
export const formatEightDNumber = (year: number, seq: number): string =>
  `8D-${year}-${String(seq).padStart(4, '0')}`;

/** CZ-YYYY-NNNN (处置). */
export const formatDisposalNumber = (year: number, seq: number): string =>
  `CZ-${year}-${String(seq).padStart(4, '0')}`;
