import {
  ADVERSE_EVENT_ERROR_CODES,
  type AdverseEventErrorCode,
} from './adverse-event/adverse-event-error-code';
import { OPERATIONS_ERROR_CODES, type OperationsErrorCode } from './audit/audit-error-code';
import { BATCH_CASE_ERROR_CODES, type BatchCaseErrorCode } from './batch/batch-case-error-code';
import { BATCH_SIGNAL_ERROR_CODES, type BatchSignalErrorCode } from './batch/batch-signal-error-code';
import {
  CLASSIFICATION_ERROR_CODES,
  type ClassificationErrorCode,
} from './classification/classification-error-code';
import { CAPA_ERROR_CODES, type CapaErrorCode } from './capa/capa-error-code';
import { COMPENSATION_ERROR_CODES, type CompensationErrorCode } from './compensation/compensation-error-code';
import { COMPLAINT_ERROR_CODES, type ComplaintErrorCode } from './complaint/complaint-error-code';
import { EVIDENCE_ERROR_CODES, type EvidenceErrorCode } from './evidence/evidence-error-code';
import {
  INVESTIGATION_ERROR_CODES,
  type InvestigationErrorCode,
} from './investigation/investigation-error-code';
import { IDENTITY_ERROR_CODES, type IdentityErrorCode } from './identity/identity-error-code';
import { REFERENCE_ERROR_CODES, type ReferenceErrorCode } from './reference/reference-error-code';
import { PLATFORM_ERROR_CODES, type PlatformErrorCode } from './shared/platform-error-code';
import { SLA_ERROR_CODES, type SlaErrorCode } from './sla/sla-error-code';

/** Errors of the business-calendar administration (issue 3 §4). */
export const CALENDAR_ADMIN_ERROR_CODES = [
  /** No official holiday data is stored for that year (it is provisional already): nothing to remove. */
  'CALENDAR_YEAR_NOT_FOUND',
] as const;

export type CalendarAdminErrorCode = (typeof CALENDAR_ADMIN_ERROR_CODES)[number];

/** Every error code the API can answer with. The HTTP status map and the message catalogue are exhaustive over it. */
export type ErrorCode =
  | PlatformErrorCode
  | AdverseEventErrorCode
  | InvestigationErrorCode
  | BatchCaseErrorCode
  | BatchSignalErrorCode
  | IdentityErrorCode
  | OperationsErrorCode
  | ReferenceErrorCode
  | ComplaintErrorCode
  | ClassificationErrorCode
  | SlaErrorCode
  | CalendarAdminErrorCode
  | EvidenceErrorCode
  | CompensationErrorCode
  | CapaErrorCode;

export const ERROR_CODES: readonly ErrorCode[] = [
  ...PLATFORM_ERROR_CODES,
  ...ADVERSE_EVENT_ERROR_CODES,
  ...INVESTIGATION_ERROR_CODES,
  ...BATCH_CASE_ERROR_CODES,
  ...BATCH_SIGNAL_ERROR_CODES,
  ...IDENTITY_ERROR_CODES,
  ...OPERATIONS_ERROR_CODES,
  ...REFERENCE_ERROR_CODES,
  ...COMPLAINT_ERROR_CODES,
  ...CLASSIFICATION_ERROR_CODES,
  ...SLA_ERROR_CODES,
  ...CALENDAR_ADMIN_ERROR_CODES,
  ...EVIDENCE_ERROR_CODES,
  ...COMPENSATION_ERROR_CODES,
  ...CAPA_ERROR_CODES,
];
