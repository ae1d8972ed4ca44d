import { z } from 'zod';
import { COMPLAINT_STATUSES } from '../domain/complaint/complaint-status';
import {
  CHANNELS,
  COMPLAINT_KINDS,
  CUSTOMER_TIERS,
  CUSTOMER_TYPES,
  DEMANDS,
  ESCALATION_FLAGS,
  INJURY_LEVELS,
  NATURES,
  RESPONSIBILITY_STAGES,
  SCOPES,
  SPECIAL_GROUPS,
  VALIDITIES,
} from '../domain/complaint/complaint-vocabulary';
import { ZEmail, ZId, ZIsoDateTime, ZLocale, ZPageQuery, ZPhone, zText } from './common.contract';

export const ZLocalDate = z.iso.date().describe('YYYY-MM-DD');
export const ZFen = z
  .number()
  .int()
  .min(0)
  .max(1_000_000_000_000)
  .describe('Amount in fen (1 yuan = 100 fen)');

/** Custom fields of the active preset (e.g. VIN and mileage for cars): scalar values only. */
export const ZCustomFields = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
    z.union([zText(500, 0), z.number(), z.boolean(), z.null()]),
  )
  .refine((r) => Object.keys(r).length <= 50, { message: 'at most 50 custom fields' });

export const ZComplaintCustomerInput = z.strictObject({
  id: ZId.optional().describe('An existing customer of the archive'),
  name: zText(100),
  phone: ZPhone.nullable().optional(),
  email: ZEmail.nullable().optional(),
  address: zText(300).nullable().optional(),
  type: z.enum(CUSTOMER_TYPES).default('consumer'),
  tier: z.enum(CUSTOMER_TIERS).optional(),
  specialGroup: z.enum(SPECIAL_GROUPS).nullable().optional(),
  locale: ZLocale.optional(),
});

export const ZComplaintProductInput = z.strictObject({
  id: ZId.optional().describe('A product of the catalogue; name and code are filled from it'),
  name: zText(200).nullable().optional(),
  model: zText(100).nullable().optional(),
  code: zText(64).nullable().optional(),
  batchNo: zText(64).nullable().optional(),
  serialNo: zText(64).nullable().optional(),
  productionDate: ZLocalDate.nullable().optional(),
  shipDate: ZLocalDate.nullable().optional(),
  purchaseDate: ZLocalDate.nullable().optional(),
  purchasePlace: zText(200).nullable().optional(),
  proofOfPurchase: z.boolean().optional(),
});

export const ZComplaintProblemInput = z.strictObject({
  description: zText(5000),
  occurredAt: ZIsoDateTime.nullable().optional(),
  symptom: zText(500).nullable().optional(),
  affectedPart: zText(200).nullable().optional(),
  scope: z.enum(SCOPES).default('single_unit'),
});

export const ZCreateComplaintBody = z
  .strictObject({
    kind: z.enum(COMPLAINT_KINDS).default('complaint'),
    channel: z.enum(CHANNELS).default('hotline'),
    receivedAt: ZIsoDateTime.optional().describe('When the customer made contact (default now)'),
    receivedOutsideCustomerService: z
      .boolean()
      .default(false)
      .describe(
        'Received by someone outside customer service: the 30-minute hand-off clock applies (R-INT-4)',
      ),
    urgent: z
      .boolean()
      .optional()
      .describe('The receiver judges urgency after hours (R-INT-5); default from the classification'),
    customer: ZComplaintCustomerInput,
    product: ZComplaintProductInput.default({}),
    problem: ZComplaintProblemInput,
    demands: z.array(z.enum(DEMANDS)).max(DEMANDS.length).default([]),
    claimedAmountFen: ZFen.nullable().optional(),
    injury: z.enum(INJURY_LEVELS).describe('Asked for every complaint (R-AE-1)'),
    flags: z.array(z.enum(ESCALATION_FLAGS)).max(ESCALATION_FLAGS.length).default([]),
    customFields: ZCustomFields.default({}),
  })
  .meta({ id: 'CreateComplaintRequest' });

export const ZUpdateComplaintBody = z
  .strictObject({
    version: z.number().int().min(1).optional(),
    customer: ZComplaintCustomerInput.partial().optional(),
    product: ZComplaintProductInput.optional(),
    problem: ZComplaintProblemInput.partial().optional(),
    demands: z.array(z.enum(DEMANDS)).max(DEMANDS.length).optional(),
    claimedAmountFen: ZFen.nullable().optional(),
    injury: z.enum(INJURY_LEVELS).optional(),
    flags: z.array(z.enum(ESCALATION_FLAGS)).max(ESCALATION_FLAGS.length).optional(),
    customFields: ZCustomFields.optional(),
    reason: zText(500).optional(),
  })
  .meta({ id: 'UpdateComplaintRequest' });

export const ZClassificationInput = z.strictObject({
  nature: z.enum(NATURES),
  severity: z.string().min(1).max(40),
  major: z.boolean().optional(),
  validity: z.enum(VALIDITIES).default('pending'),
  responsibilityStage: z.enum(RESPONSIBILITY_STAGES).default('unknown'),
  misuse: z.boolean().default(false),
  reason: zText(500).optional().describe('Needed to drop a major flag that a trigger set (R-CLS-3)'),
});

const ZProposalOption = z.strictObject({
  kind: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .describe('repair, replacement, refund, price_difference, voucher, cash, company_products, …'),
  description: zText(500),
  amountFen: ZFen.default(0),
});

/** A lifecycle command body: its fields plus the optional `version` the client read (or send If-Match). */
const command = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject({ ...shape, version: z.number().int().min(1).optional() });

/** One command on the complaint's lifecycle, with what it needs. */
export const ZTransitionBody = z
  .discriminatedUnion('type', [
    command({ type: z.literal('triage'), classification: ZClassificationInput }),
    command({ type: z.literal('assign'), departmentId: ZId, assigneeId: ZId.nullable().default(null) }),
    command({ type: z.literal('start_investigation') }),
    command({
      type: z.literal('propose_solution'),
      options: z.array(ZProposalOption).min(1).max(10),
      note: zText(2000).optional(),
      requiresApproval: z.boolean().default(false),
      executionWorkingDays: z
        .number()
        .int()
        .min(1)
        .max(90)
        .default(7)
        .describe(
          'Working days to carry it out once accepted (R-RES-7); a portal acceptance sets the execution date from it',
        ),
    }),
    command({ type: z.literal('approve_solution') }),
    command({ type: z.literal('send_to_customer') }),
    command({
      type: z.literal('customer_accept'),
      executionDueAt: ZIsoDateTime,
      terms: zText(2000),
      optionIndex: z
        .number()
        .int()
        .min(0)
        .max(9)
        .optional()
        .describe('The proposal option the customer chose'),
    }),
    command({ type: z.literal('customer_reject'), reason: zText(1000) }),
    command({ type: z.literal('start_execution') }),
    command({ type: z.literal('resolve'), summary: zText(2000) }),
    command({ type: z.literal('start_follow_up') }),
    command({
      type: z.literal('record_follow_up'),
      satisfied: z.boolean(),
      csat: z.number().int().min(1).max(5).nullable().default(null),
      comment: zText(1000).optional(),
    }),
    command({ type: z.literal('explain'), reason: zText(1000) }),
    command({ type: z.literal('declare_not_valid'), reason: zText(1000) }),
    command({ type: z.literal('withdraw'), reason: zText(1000) }),
    command({ type: z.literal('wait_on_customer'), reason: zText(500) }),
    command({ type: z.literal('customer_responded') }),
  ])
  .meta({ id: 'ComplaintTransitionRequest' });

export const ZDeadlineView = z.object({
  kind: z.string(),
  label: z.object({ 'zh-CN': z.string(), en: z.string() }),
  state: z.enum(['open', 'warning', 'breached', 'paused', 'met', 'late', 'cancelled']),
  startedAt: ZIsoDateTime,
  dueAt: ZIsoDateTime,
  warnAt: ZIsoDateTime,
  opensAt: ZIsoDateTime.nullable(),
  metAt: ZIsoDateTime.nullable(),
  breachedAt: ZIsoDateTime.nullable(),
  provisional: z.boolean().describe('The calendar has no official data for part of the period'),
  rules: z.array(z.object({ rule: z.string(), detail: z.string().optional() })),
});

const ZNullableText = z.string().nullable();

export const ZComplaintSummaryView = z
  .object({
    id: ZId,
    number: z.string(),
    kind: z.enum(COMPLAINT_KINDS),
    channel: z.enum(CHANNELS),
    status: z.enum(COMPLAINT_STATUSES),
    receivedAt: ZIsoDateTime,
    customerName: z.string(),
    customerPhone: ZNullableText,
    productName: ZNullableText,
    batchNo: ZNullableText,
    severity: ZNullableText,
    nature: ZNullableText,
    major: z.boolean(),
    injury: z.enum(INJURY_LEVELS),
    departmentId: ZId.nullable(),
    assigneeId: ZId.nullable(),
    nextDueAt: ZIsoDateTime.nullable(),
    breached: z.boolean(),
    escalationLevel: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'ComplaintSummary' });

export const ZComplaintView = ZComplaintSummaryView.extend({
  registeredAt: ZIsoDateTime.nullable(),
  reporterId: ZId.nullable(),
  intakeDepartmentId: ZId.nullable(),
  customer: z.object({
    id: ZId.nullable(),
    name: z.string(),
    phone: ZNullableText,
    email: ZNullableText,
    address: ZNullableText,
    type: z.enum(CUSTOMER_TYPES),
    tier: z.enum(CUSTOMER_TIERS),
    specialGroup: z.enum(SPECIAL_GROUPS).nullable(),
    locale: ZLocale,
  }),
  product: z.object({
    id: ZId.nullable(),
    name: ZNullableText,
    model: ZNullableText,
    code: ZNullableText,
    batchNo: ZNullableText,
    serialNo: ZNullableText,
    productionDate: ZNullableText,
    shipDate: ZNullableText,
    purchaseDate: ZNullableText,
    purchasePlace: ZNullableText,
    proofOfPurchase: z.boolean(),
  }),
  problem: z.object({
    description: z.string(),
    occurredAt: ZIsoDateTime.nullable(),
    symptom: ZNullableText,
    affectedPart: ZNullableText,
    scope: z.enum(SCOPES),
  }),
  demands: z.array(z.enum(DEMANDS)),
  claimedAmountFen: z.number().int().nullable(),
  flags: z.array(z.enum(ESCALATION_FLAGS)),
  customFields: z.record(z.string(), z.unknown()),
  suggestion: z.unknown(),
  classification: z.unknown(),
  validity: z.enum(VALIDITIES),
  reviewLevel: z.number().int(),
  waitingOnCustomer: z.boolean(),
  proposal: z.unknown(),
  agreement: z.unknown(),
  resolution: z.unknown(),
  followUp: z.unknown(),
  closure: z.unknown(),
  linkedFromId: ZId.nullable(),
  duplicateOfId: ZId.nullable(),
  deadlines: z.array(ZDeadlineView),
  allowedActions: z.array(z.string()).describe('Lifecycle commands this user may issue now'),
  assigneeName: z.string().nullable(),
  departmentName: z.string().nullable(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
}).meta({ id: 'Complaint' });

export const ZQueueQuery = ZPageQuery.extend({
  status: z
    .string()
    .regex(/^[a-z_,]{1,300}$/)
    .optional()
    .describe('Comma-separated statuses'),
  open: z.enum(['true', 'false']).default('true').describe('Only open complaints (default)'),
  severity: z
    .string()
    .regex(/^[a-z_,]{1,200}$/)
    .optional(),
  departmentId: ZId.optional(),
  assignee: z.union([z.literal('me'), ZId]).optional(),
  productId: ZId.optional(),
  batchNo: z.string().min(1).max(64).optional(),
  channel: z.enum(CHANNELS).optional(),
  kind: z.enum(COMPLAINT_KINDS).optional(),
  dueBefore: ZIsoDateTime.optional(),
  breached: z.enum(['true', 'false']).optional(),
  major: z.enum(['true', 'false']).optional(),
  escalated: z
    .enum(['true', 'false'])
    .optional()
    .describe('Only complaints a breach escalated to a level above the owner (R-ESC-1)'),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('Complaint number, phone, customer name, or words of the description'),
  sort: z.enum(['nextDue', 'receivedAt', '-receivedAt']).default('nextDue'),
});

/** A queue row: the summary plus its nearest open clock (amber after warnAt, red after dueAt) and owner names. */
export const ZQueueItemView = ZComplaintSummaryView.extend({
  nextClock: z
    .object({
      kind: z.string(),
      label: z.object({ 'zh-CN': z.string(), en: z.string() }),
      dueAt: ZIsoDateTime,
      warnAt: ZIsoDateTime,
      paused: z.boolean(),
    })
    .nullable(),
  assigneeName: z.string().nullable(),
  departmentName: z.string().nullable(),
}).meta({ id: 'ComplaintQueueItem' });

export const ZQueuePage = z
  .object({
    items: z.array(ZQueueItemView),
    nextCursor: z.string().nullable(),
    counts: z
      .record(z.string(), z.number().int())
      .nullable()
      .describe(
        'Counts by status under the same filters (open ones unless open=false); first page only, null on later pages',
      ),
  })
  .meta({ id: 'ComplaintQueuePage' });

export const ZCommunicationBody = z
  .strictObject({
    at: ZIsoDateTime.optional(),
    channel: z.enum(['phone', 'sms', 'email', 'wechat', 'visit', 'letter', 'portal', 'other']),
    direction: z.enum(['inbound', 'outbound']),
    summary: zText(2000),
    nextStep: zText(500).nullable().optional(),
    contactPerson: zText(100).nullable().optional(),
    acknowledges: z
      .boolean()
      .default(false)
      .describe('This contact gave the customer the complaint number (R-INT-2, R-SLA-5)'),
    progress: z.boolean().default(false).describe('A progress report to the customer (R-SLA-10)'),
  })
  .meta({ id: 'CommunicationRequest' });

export const ZCommunicationView = z
  .object({
    id: ZId,
    at: ZIsoDateTime,
    channel: z.string(),
    direction: z.enum(['inbound', 'outbound']),
    summary: z.string(),
    nextStep: ZNullableText,
    contactPerson: ZNullableText,
    createdBy: ZId.nullable(),
  })
  .meta({ id: 'Communication' });

export const ZIntakeView = z
  .object({
    complaint: ZComplaintView,
    trackingToken: z
      .string()
      .describe('The customer’s key to the portal (shown once; only its hash is stored)'),
    suggestion: z
      .unknown()
      .describe('The classification the system suggests; a person confirms it with the triage command'),
    afterHours: z.object({
      handling: z.enum(['normal', 'notify_on_call_now', 'next_working_day']),
      processFrom: ZIsoDateTime,
    }),
    duplicates: z.array(z.object({ id: ZId, number: z.string(), similarity: z.number() })),
    rules: z.array(z.object({ rule: z.string(), detail: z.string().optional() })),
  })
  .meta({ id: 'ComplaintIntake' });

export const ZComplaintLinkView = z
  .object({
    id: ZId,
    toId: ZId,
    number: z.string(),
    kind: z.string(),
    status: z.enum(['suggested', 'confirmed', 'rejected']),
    similarity: z.number().int().nullable().describe('Text similarity in percent'),
    reasons: z.unknown(),
  })
  .meta({ id: 'ComplaintLink' });

export const ZLinkDecisionBody = z
  .strictObject({ decision: z.enum(['confirm', 'reject']) })
  .meta({ id: 'LinkDecision' });
export const ZLinkParams = z.strictObject({ id: ZId, linkId: ZId });

export const ZFollowUpList = z
  .object({
    items: z.array(
      z.object({
        complaint: ZComplaintSummaryView,
        opensAt: ZIsoDateTime.nullable(),
        dueAt: ZIsoDateTime,
        state: z.enum(['upcoming', 'due', 'overdue']),
      }),
    ),
  })
  .meta({ id: 'FollowUpList' });

export const ZMilestoneBody = z
  .strictObject({
    milestone: z
      .enum(['emergency_started', 'unit_received', 'unit_analysed', 'report_issued'])
      .describe(
        'emergency process started (R-SLA-4), returned unit received / analysed (R-SLA-12), report issued (R-SLA-7)',
      ),
    at: ZIsoDateTime.optional().describe('When it happened (default now; never in the future)'),
    note: zText(1000).optional(),
  })
  .meta({ id: 'MilestoneRequest' });
