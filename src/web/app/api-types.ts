/**
 * API types for the web, inferred from the zod contracts the server validates with (STYLE.md: the web never
 * hand-writes an API type). Type-only imports: no contract code is bundled.
 */
import type { z } from 'zod';
import type { ZApiTokenList, ZCreatedApiTokenView } from '../../contracts/api-token.contract';
import type { ZAuditPage } from '../../contracts/audit.contract';
import type { ZDashboardView } from '../../contracts/dashboard.contract';
import type { ZSessionView } from '../../contracts/auth.contract';
import type {
  ZCalendarView,
  ZCalendarYearView,
  ZHolidayYearImportResult,
} from '../../contracts/calendar.contract';
import type {
  ZCommunicationBody,
  ZCommunicationView,
  ZComplaintSummaryView,
  ZComplaintView,
  ZCreateComplaintBody,
  ZDeadlineView,
  ZFollowUpList,
  ZIntakeView,
  ZQueueItemView,
  ZQueuePage,
  ZQueueQuery,
  ZTransitionBody,
} from '../../contracts/complaint.contract';
import type { ZCustomerLookupView } from '../../contracts/customer.contract';
import type { ZDepartmentList } from '../../contracts/department.contract';
import type {
  ZEvidenceList,
  ZEvidenceUploadView,
  ZPortalEvidenceReceipt,
} from '../../contracts/evidence.contract';
import type { ZOutboxPage, ZRoleList } from '../../contracts/ops.contract';
import type { ZPolicyList, ZPolicyView } from '../../contracts/policy.contract';
import type {
  ZPortalAnswerBody,
  ZPortalRatingBody,
  ZPortalReceipt,
  ZPortalSubmitBody,
  ZPortalView,
} from '../../contracts/portal.contract';
import type { ZProductQrQuery } from '../../contracts/qr.contract';
import type { ZBatchPage, ZProductPage } from '../../contracts/reference.contract';
import type { ZTimelineView } from '../../contracts/timeline.contract';
import type { ZUserPage } from '../../contracts/user.contract';
// Administration (issue 4 "Admin")
import type { ZApiTokenView, ZCreateApiTokenBody } from '../../contracts/api-token.contract';
import type {
  ZCalendarSettingsResult,
  ZDuePreview,
  ZDuePreviewQuery,
  ZHolidayYearRemovalResult,
  ZUpdateCalendarSettingsBody,
} from '../../contracts/calendar.contract';
import type { ZCreateDepartmentBody, ZUpdateDepartmentBody } from '../../contracts/department.contract';
import type { ZJobPage } from '../../contracts/ops.contract';
import type { ZApplyPresetResult, ZPresetList } from '../../contracts/preset.contract';
import type {
  ZCreateUserBody,
  ZCreatedUserView,
  ZTemporaryPasswordView,
  ZUpdateUserBody,
} from '../../contracts/user.contract';

// Compensation approvals and execution (issue 5)
import type {
  ZCompensationView,
  ZCompleteTaskBody,
  ZCreateDelegationBody,
  ZDelegations,
  ZExecutionTask,
  ZExecutionTasks,
  ZPendingApprovals,
  ZProposeCompensationBody,
  ZSignProposalBody,
  ZSigningChallenge,
} from '../../contracts/compensation-approval.contract';

export type Session = z.output<typeof ZSessionView>;
export type ComplaintSummary = z.output<typeof ZComplaintSummaryView>;
export type Complaint = z.output<typeof ZComplaintView>;
export type Deadline = z.output<typeof ZDeadlineView>;
export type QueuePage = z.output<typeof ZQueuePage>;
export type QueueQuery = Partial<z.input<typeof ZQueueQuery>>;
export type TransitionBody = z.input<typeof ZTransitionBody>;
export type TransitionType = TransitionBody['type'];
export type CreateComplaintBody = z.input<typeof ZCreateComplaintBody>;
export type IntakeView = z.output<typeof ZIntakeView>;
export type Communication = z.output<typeof ZCommunicationView>;
export type CommunicationBody = z.input<typeof ZCommunicationBody>;
export type FollowUpList = z.output<typeof ZFollowUpList>;
export type CustomerLookup = z.output<typeof ZCustomerLookupView>;
export type DepartmentList = z.output<typeof ZDepartmentList>;
export type Department = DepartmentList['items'][number];
export type UserPage = z.output<typeof ZUserPage>;
export type User = UserPage['items'][number];
export type RoleList = z.output<typeof ZRoleList>;
export type EvidenceList = z.output<typeof ZEvidenceList>;
export type Evidence = EvidenceList['items'][number];
export type EvidenceUpload = z.output<typeof ZEvidenceUploadView>;
export type AuditPage = z.output<typeof ZAuditPage>;
export type AuditEntry = AuditPage['items'][number];
export type CalendarView = z.output<typeof ZCalendarView>;
export type CalendarYearView = z.output<typeof ZCalendarYearView>;
export type HolidayYearImport = z.output<typeof ZHolidayYearImportResult>;
export type PolicyList = z.output<typeof ZPolicyList>;
export type Policy = z.output<typeof ZPolicyView>;
export type ApiTokenList = z.output<typeof ZApiTokenList>;
export type CreatedApiToken = z.output<typeof ZCreatedApiTokenView>;
export type OutboxPage = z.output<typeof ZOutboxPage>;
export type ProductPage = z.output<typeof ZProductPage>;
export type Product = ProductPage['items'][number];
export type BatchPage = z.output<typeof ZBatchPage>;
export type Batch = BatchPage['items'][number];
export type PortalSubmitBody = z.input<typeof ZPortalSubmitBody>;
export type PortalReceipt = z.output<typeof ZPortalReceipt>;
export type PortalView = z.output<typeof ZPortalView>;
export type PortalAnswerBody = z.input<typeof ZPortalAnswerBody>;
export type PortalRatingBody = z.input<typeof ZPortalRatingBody>;
export type PortalEvidenceReceipt = z.output<typeof ZPortalEvidenceReceipt>;
export type QrQuery = Partial<z.input<typeof ZProductQrQuery>>;
export type QueueItem = z.output<typeof ZQueueItemView>;
export type TimelineView = z.output<typeof ZTimelineView>;

// Administration (issue 4 "Admin")
export type CreateUserBody = z.input<typeof ZCreateUserBody>;
export type UpdateUserBody = z.input<typeof ZUpdateUserBody>;
export type CreatedUser = z.output<typeof ZCreatedUserView>;
export type TemporaryPassword = z.output<typeof ZTemporaryPasswordView>;
export type Role = RoleList['items'][number];
export type CreateDepartmentBody = z.input<typeof ZCreateDepartmentBody>;
export type UpdateDepartmentBody = z.input<typeof ZUpdateDepartmentBody>;
export type CalendarDay = CalendarYearView['days'][number];
export type CalendarSettingsBody = z.input<typeof ZUpdateCalendarSettingsBody>;
export type CalendarSettingsResult = z.output<typeof ZCalendarSettingsResult>;
export type HolidayYearRemoval = z.output<typeof ZHolidayYearRemovalResult>;
export type DuePreviewQuery = z.input<typeof ZDuePreviewQuery>;
export type DuePreview = z.output<typeof ZDuePreview>;
export type PresetList = z.output<typeof ZPresetList>;
export type Preset = PresetList['items'][number];
export type ApplyPresetResult = z.output<typeof ZApplyPresetResult>;
export type ApiToken = z.output<typeof ZApiTokenView>;
export type CreateApiTokenBody = z.input<typeof ZCreateApiTokenBody>;
export type OutboxEvent = OutboxPage['items'][number];
export type JobPage = z.output<typeof ZJobPage>;
export type Job = JobPage['items'][number];
export type Dashboard = z.output<typeof ZDashboardView>;

// Compensation approvals and execution (issue 5)
export type CompensationView = z.output<typeof ZCompensationView>;
export type CompensationProposal = NonNullable<CompensationView['current']>;
export type ProposalOption = CompensationProposal['options'][number];
export type ProposalSignature = CompensationProposal['signatures'][number];
export type ProposeCompensationBody = z.input<typeof ZProposeCompensationBody>;
export type CompensationFacts = NonNullable<ProposeCompensationBody['facts']>;
export type SigningChallenge = z.output<typeof ZSigningChallenge>;
export type SignProposalBody = z.input<typeof ZSignProposalBody>;
export type PendingApprovals = z.output<typeof ZPendingApprovals>;
export type PendingApproval = PendingApprovals['items'][number];
export type Delegations = z.output<typeof ZDelegations>;
export type Delegation = Delegations['items'][number];
export type CreateDelegationBody = z.input<typeof ZCreateDelegationBody>;
export type ExecutionTask = z.output<typeof ZExecutionTask>;
export type ExecutionTasks = z.output<typeof ZExecutionTasks>;
export type CompleteTaskBody = z.input<typeof ZCompleteTaskBody>;

// Cost allocation, the compensation ledger and the customer's compensation history (issue 5)
import type { ZCostAllocationView, ZPutCostAllocationBody } from '../../contracts/cost-allocation.contract';
import type { ZCustomerArchiveView } from '../../contracts/customer.contract';
import type { ZLedgerQuery, ZLedgerView } from '../../contracts/ledger.contract';

export type CostAllocationView = z.output<typeof ZCostAllocationView>;
export type CostAllocationItem = CostAllocationView['allocations'][number];
export type PutCostAllocationBody = z.input<typeof ZPutCostAllocationBody>;
export type CostShareBody = PutCostAllocationBody['shares'][number];
export type LedgerView = z.output<typeof ZLedgerView>;
export type LedgerRow = LedgerView['rows'][number];
export type LedgerQuery = z.input<typeof ZLedgerQuery>;
export type LedgerGrouping = LedgerView['groupBy'];
export type CustomerArchive = z.output<typeof ZCustomerArchiveView>;
export type CustomerCompensationEntry = CustomerArchive['compensationHistory'][number];

// Batch cases, recalls, regulator samplings, CAPA, 8D and disposals (issue 6)
import type {
  ZBatchCaseList,
  ZBatchCaseView,
  ZCompleteSealTaskBody,
  ZCreateSealTasksBody,
  ZDecideBatchCaseBody,
  ZFileBatchInvestigationBody,
  ZOpenBatchCaseBody,
} from '../../contracts/batch-case.contract';
import type {
  ZCompleteRecallBody,
  ZRecallList,
  ZRecallView,
  ZRecordRecallTargetBody,
  ZStartRecallBody,
} from '../../contracts/recall.contract';
import type {
  ZCreateSamplingBody,
  ZRegulatorSampling,
  ZRegulatorSamplingList,
} from '../../contracts/regulator-sampling.contract';
import type {
  ZCapaAction,
  ZCapaActions,
  ZCapaVerificationResult,
  ZCompleteCapaBody,
  ZCreateCapaActionBody,
} from '../../contracts/capa.contract';
import type { ZCreateEightDBody, ZEightDReport, ZEightDReports } from '../../contracts/eight-d.contract';
import type { ZDisposal, ZDisposals, ZPublishDisposalBody } from '../../contracts/disposal.contract';

export type BatchCaseList = z.output<typeof ZBatchCaseList>;
export type BatchCaseSummary = BatchCaseList['items'][number];
export type BatchCase = z.output<typeof ZBatchCaseView>;
export type SealTask = BatchCase['sealTasks'][number];
export type OpenBatchCaseBody = z.input<typeof ZOpenBatchCaseBody>;
export type CreateSealTasksBody = z.input<typeof ZCreateSealTasksBody>;
export type CompleteSealTaskBody = z.input<typeof ZCompleteSealTaskBody>;
export type FileBatchInvestigationBody = z.input<typeof ZFileBatchInvestigationBody>;
export type DecideBatchCaseBody = z.input<typeof ZDecideBatchCaseBody>;
export type RecallList = z.output<typeof ZRecallList>;
export type RecallSummary = RecallList['items'][number];
export type Recall = z.output<typeof ZRecallView>;
export type RecallTarget = Recall['targets'][number];
export type StartRecallBody = z.input<typeof ZStartRecallBody>;
export type RecordRecallTargetBody = z.input<typeof ZRecordRecallTargetBody>;
export type CompleteRecallBody = z.input<typeof ZCompleteRecallBody>;
export type RegulatorSampling = z.output<typeof ZRegulatorSampling>;
export type RegulatorSamplingList = z.output<typeof ZRegulatorSamplingList>;
export type CreateSamplingBody = z.input<typeof ZCreateSamplingBody>;
export type CapaAction = z.output<typeof ZCapaAction>;
export type CapaActions = z.output<typeof ZCapaActions>;
export type CapaVerificationResult = z.output<typeof ZCapaVerificationResult>;
export type CreateCapaActionBody = z.input<typeof ZCreateCapaActionBody>;
export type CompleteCapaBody = z.input<typeof ZCompleteCapaBody>;
export type EightDReport = z.output<typeof ZEightDReport>;
export type EightDReports = z.output<typeof ZEightDReports>;
export type CreateEightDBody = z.input<typeof ZCreateEightDBody>;
export type Disposal = z.output<typeof ZDisposal>;
export type Disposals = z.output<typeof ZDisposals>;
export type PublishDisposalBody = z.input<typeof ZPublishDisposalBody>;

// Investigation, batch signals and quality reports, adverse events (issue 6)
import type {
  ZAdverseEventList,
  ZAdverseEventReport,
  ZAdverseEventView,
  ZDecideAdverseEventBody,
  ZReportFacts,
} from '../../contracts/adverse-event.contract';
import type {
  ZBatchBoard,
  ZIssueQualityReportBody,
  ZQualityReport,
  ZQualityReports,
  ZQualityReportView,
} from '../../contracts/batch-signal.contract';
import type {
  ZInvestigationView,
  ZReopenInvestigationBody,
  ZSaveInvestigationBody,
} from '../../contracts/investigation.contract';

export type Investigation = z.output<typeof ZInvestigationView>;
export type InvestigationProblem = Investigation['problems'][number];
export type SaveInvestigationBody = z.input<typeof ZSaveInvestigationBody>;
export type ReopenInvestigationBody = z.input<typeof ZReopenInvestigationBody>;
export type BatchBoard = z.output<typeof ZBatchBoard>;
export type BatchBoardRow = BatchBoard['items'][number];
export type QualityReport = z.output<typeof ZQualityReport>;
export type QualityReports = z.output<typeof ZQualityReports>;
export type QualityReportView = z.output<typeof ZQualityReportView>;
export type IssueQualityReportBody = z.input<typeof ZIssueQualityReportBody>;
export type AdverseEvent = z.output<typeof ZAdverseEventView>;
export type AdverseEventList = z.output<typeof ZAdverseEventList>;
export type AdverseEventDecision = AdverseEvent['decisions'][number];
export type AdverseEventReport = z.output<typeof ZAdverseEventReport>;
export type DecideAdverseEventBody = z.input<typeof ZDecideAdverseEventBody>;
export type ReportFacts = z.input<typeof ZReportFacts>;
