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
