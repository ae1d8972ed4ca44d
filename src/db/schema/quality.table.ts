import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { complaints } from './complaint.table';
import { products } from './reference.table';

/**
 * The investigation record of one complaint (DOMAIN §6): evidence checklist (R-INV-1), root cause by a named
 * method — 5-Why chain, fishbone by 6M category — with cause of occurrence and of escape (R-INV-2), the technical
 * verdict (R-INV-3), the product outcome (R-INV-4) and the failure mechanism that batch signals count by (R-BAT-1).
 */
export const investigations = pgTable(
  'investigations',
  {
    complaintId: uuid('complaint_id')
      .primaryKey()
      .references(() => complaints.id),
    checklist: jsonb('checklist').notNull().default({}),
    methods: text('methods')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    fiveWhy: jsonb('five_why').notNull().default([]),
    fishbone: jsonb('fishbone').notNull().default({}),
    occurrenceCause: text('occurrence_cause'),
    escapeCause: text('escape_cause'),
    failureMechanism: text('failure_mechanism'),
    verdict: text('verdict'),
    recallAnalysisNeeded: boolean('recall_analysis_needed').notNull().default(false),
    productOutcome: text('product_outcome'),
    filedAt: ts('filed_at'),
    filedBy: uuid('filed_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check(
      'investigations_verdict_ck',
      sql`${t.verdict} is null or ${t.verdict} in ('isolated', 'batch', 'serious')`,
    ),
    check(
      'investigations_outcome_ck',
      sql`${t.productOutcome} is null or ${t.productOutcome} in ('continue_selling', 'exchange', 'repackage', 'recall')`,
    ),
  ],
);

/**
 * R-BAT-1 counters per (product, batch, failure mechanism), updated in the transaction that validates a complaint
 * (an atomic upsert, never a scan): valid complaints, serious events, and the first complaint (R-SLA-7 counts the
 * 72-hour report clock from it).
 */
export const batchSignalCounters = pgTable(
  'batch_signal_counters',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    batchNo: text('batch_no').notNull(),
    mechanism: text('mechanism').notNull(),
    validComplaints: integer('valid_complaints').notNull().default(0),
    seriousEvents: integer('serious_events').notNull().default(0),
    firstComplaintId: uuid('first_complaint_id').notNull(),
    firstComplaintAt: ts('first_complaint_at').notNull(),
    lastComplaintAt: ts('last_complaint_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.batchNo, t.mechanism] }),
    index('batch_signal_counters_batch_idx').on(t.batchNo),
  ],
);

/** One row per counted complaint (R-BAT-1, R-BAT-4): the regional window count is an index range, not a scan. */
export const batchSignalEvents = pgTable(
  'batch_signal_events',
  {
    complaintId: uuid('complaint_id')
      .primaryKey()
      .references(() => complaints.id),
    productId: uuid('product_id').notNull(),
    batchNo: text('batch_no').notNull(),
    mechanism: text('mechanism').notNull(),
    region: text('region'),
    serious: boolean('serious').notNull().default(false),
    receivedAt: ts('received_at').notNull(),
    countedAt: ts('counted_at').notNull(),
  },
  (t) => [
    index('batch_signal_events_region_idx').on(t.productId, t.batchNo, t.mechanism, t.region, t.receivedAt),
  ],
);

/**
 * Reports a batch signal opens (R-BAT-2, R-BAT-3): the market quality abnormality report 《市场质量异常反馈单》
 * (`abnormality`) and the quality special report 《质量专题报告》 (`special`) — one of each kind per (product,
 * batch, mechanism) — due 72 h after the first complaint (R-SLA-7).
 */
export const qualityReports = pgTable(
  'quality_reports',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    kind: text('kind').notNull(),
    productId: uuid('product_id').notNull(),
    batchNo: text('batch_no').notNull(),
    mechanism: text('mechanism').notNull(),
    trigger: text('trigger').notNull(),
    rate: numeric('rate', { precision: 12, scale: 8 }),
    threshold: numeric('threshold', { precision: 12, scale: 8 }),
    validComplaints: integer('valid_complaints').notNull(),
    unitsShipped: integer('units_shipped').notNull(),
    firstComplaintAt: ts('first_complaint_at').notNull(),
    dueAt: ts('due_at').notNull(),
    status: text('status').notNull(),
    content: jsonb('content').notNull().default({}),
    issuedAt: ts('issued_at'),
    issuedBy: uuid('issued_by'),
    createdAt: ts('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('quality_reports_signal_uq').on(t.kind, t.productId, t.batchNo, t.mechanism),
    uniqueIndex('quality_reports_number_uq').on(t.number),
    index('quality_reports_open_due_idx')
      .on(t.dueAt)
      .where(sql`status = 'open'`),
    check('quality_reports_kind_ck', sql`${t.kind} in ('abnormality', 'special')`),
    check('quality_reports_status_ck', sql`${t.status} in ('open', 'issued')`),
  ],
);

/**
 * A batch case 批量性问题 (R-BAT-4…5): opened once per (product, batch, mechanism) while open — never one per
 * complaint — by a regional concentration; seals stock, runs the 2-hour investigation (R-SLA-11) and ends in the GM's
 * decision (market check, write-off, compensation, recall).
 */
export const batchCases = pgTable(
  'batch_cases',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    batchNo: text('batch_no').notNull(),
    mechanism: text('mechanism').notNull(),
    region: text('region'),
    trigger: jsonb('trigger').notNull(),
    status: text('status').notNull(),
    openedAt: ts('opened_at').notNull(),
    investigationDueAt: ts('investigation_due_at').notNull(),
    investigation: jsonb('investigation'),
    investigationFiledAt: ts('investigation_filed_at'),
    investigationFiledBy: uuid('investigation_filed_by'),
    decision: text('decision'),
    decisionNote: text('decision_note'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('batch_cases_open_uq')
      .on(t.productId, t.batchNo, t.mechanism)
      .where(sql`status <> 'closed'`),
    uniqueIndex('batch_cases_number_uq').on(t.number),
    check('batch_cases_status_ck', sql`${t.status} in ('open', 'investigating', 'decided', 'closed')`),
    check(
      'batch_cases_decision_ck',
      sql`${t.decision} is null or ${t.decision} in ('market_check', 'write_off', 'compensation', 'recall')`,
    ),
  ],
);

export const batchCaseComplaints = pgTable(
  'batch_case_complaints',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => batchCases.id),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    linkedAt: ts('linked_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.complaintId] }),
    index('batch_case_complaints_c_idx').on(t.complaintId),
  ],
);

/** 下架封存 seal tasks per region with the sealed quantity (R-BAT-4). */
export const sealTasks = pgTable(
  'seal_tasks',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => batchCases.id),
    region: text('region').notNull(),
    ownerId: uuid('owner_id'),
    status: text('status').notNull(),
    expectedQuantity: integer('expected_quantity'),
    sealedQuantity: integer('sealed_quantity'),
    dueAt: ts('due_at').notNull(),
    doneAt: ts('done_at'),
    doneBy: uuid('done_by'),
    note: text('note'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('seal_tasks_region_uq').on(t.caseId, t.region),
    check('seal_tasks_status_ck', sql`${t.status} in ('open', 'done')`),
  ],
);

/** A recall 产品撤回 (R-BAT-5): scope, customers reached through purchase records, progress, completion report. */
export const recalls = pgTable(
  'recalls',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    caseId: uuid('case_id').references(() => batchCases.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    recallClass: text('recall_class').notNull(),
    scope: jsonb('scope').notNull(),
    status: text('status').notNull(),
    unitsInScope: integer('units_in_scope').notNull().default(0),
    unitsRecovered: integer('units_recovered').notNull().default(0),
    reason: text('reason').notNull(),
    completionReport: jsonb('completion_report'),
    startedAt: ts('started_at').notNull(),
    startedBy: uuid('started_by'),
    completedAt: ts('completed_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('recalls_number_uq').on(t.number),
    check('recalls_status_ck', sql`${t.status} in ('in_progress', 'completed')`),
    check('recalls_class_ck', sql`${t.recallClass} in ('I', 'II', 'III')`),
  ],
);

/** Who a recall must reach: customers (from shipments / purchase records) with notification and recovery. */
export const recallTargets = pgTable(
  'recall_targets',
  {
    id: uuid('id').primaryKey(),
    recallId: uuid('recall_id')
      .notNull()
      .references(() => recalls.id),
    customerId: uuid('customer_id'),
    region: text('region').notNull(),
    batchNo: text('batch_no').notNull(),
    quantity: integer('quantity').notNull(),
    notifiedAt: ts('notified_at'),
    recoveredQuantity: integer('recovered_quantity').notNull().default(0),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('recall_targets_recall_idx').on(t.recallId)],
);

/** Regulator sampling 职能部门抽检 (R-BAT-6). */
export const regulatorSamplings = pgTable('regulator_samplings', {
  id: uuid('id').primaryKey(),
  agency: text('agency').notNull(),
  productId: uuid('product_id').references(() => products.id),
  batchNo: text('batch_no'),
  sampledOn: date('sampled_on', { mode: 'string' }).notNull(),
  sampleQuantity: integer('sample_quantity').notNull(),
  result: text('result').notNull(),
  reportRef: text('report_ref'),
  representative: boolean('representative').notNull().default(true),
  retestRequestedAt: ts('retest_requested_at'),
  retestReason: text('retest_reason'),
  originalReportToQualityAt: ts('original_report_to_quality_at'),
  notes: text('notes'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  version: integer('version').notNull().default(1),
});

/**
 * An adverse-event evaluation (R-AE-2): opened at once for death or serious injury on a medical device, with one
 * reportability decision per jurisdiction and its deadline from policy (NMPA, FDA, EU MDR). The complaint cannot
 * close before every decision and its rationale is recorded.
 */
export const adverseEvents = pgTable(
  'adverse_events',
  {
    id: uuid('id').primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    eventType: text('event_type').notNull(),
    awareAt: ts('aware_at').notNull(),
    status: text('status').notNull(),
    reportData: jsonb('report_data').notNull().default({}),
    openedAt: ts('opened_at').notNull(),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('adverse_events_complaint_uq').on(t.complaintId),
    check('adverse_events_status_ck', sql`${t.status} in ('evaluating', 'decided')`),
  ],
);

export const adverseEventDecisions = pgTable(
  'adverse_event_decisions',
  {
    id: uuid('id').primaryKey(),
    adverseEventId: uuid('adverse_event_id')
      .notNull()
      .references(() => adverseEvents.id),
    jurisdiction: text('jurisdiction').notNull(),
    reportKind: text('report_kind').notNull(),
    dueAt: ts('due_at').notNull(),
    reportable: boolean('reportable'),
    rationale: text('rationale'),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by'),
    submittedAt: ts('submitted_at'),
    submissionRef: text('submission_ref'),
  },
  (t) => [
    uniqueIndex('adverse_event_decisions_uq').on(t.adverseEventId, t.jurisdiction, t.reportKind),
    index('adverse_event_decisions_open_due_idx')
      .on(t.dueAt)
      .where(sql`decided_at is null`),
  ],
);

/**
 * CAPA actions (R-CAPA-1…4): containment, corrective, preventive; each with owner and due date; preventive measures
 * need the GM's approval; effectiveness is verified on later production and field data (a recurrence reopens it).
 */
export const capaActions = pgTable(
  'capa_actions',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    productId: uuid('product_id'),
    mechanism: text('mechanism'),
    ownerId: uuid('owner_id').notNull(),
    dueAt: ts('due_at').notNull(),
    status: text('status').notNull(),
    doneAt: ts('done_at'),
    doneBy: uuid('done_by'),
    completionNote: text('completion_note'),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    verifyAfterDays: integer('verify_after_days').notNull().default(90),
    verification: jsonb('verification'),
    gmApprovedBy: uuid('gm_approved_by'),
    gmApprovedAt: ts('gm_approved_at'),
    reopenCount: integer('reopen_count').notNull().default(0),
    escalatedAt: ts('escalated_at'),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('capa_actions_number_uq').on(t.number),
    index('capa_actions_mechanism_idx')
      .on(t.productId, t.mechanism)
      .where(sql`status in ('done', 'verified')`),
    index('capa_actions_open_due_idx')
      .on(t.dueAt)
      .where(sql`status in ('open', 'reopened')`),
    check('capa_actions_kind_ck', sql`${t.kind} in ('containment', 'corrective', 'preventive')`),
    check(
      'capa_actions_status_ck',
      sql`${t.status} in ('open', 'awaiting_approval', 'done', 'verified', 'reopened', 'review', 'cancelled')`,
    ),
  ],
);

/** An 8D report 质量异常分析改进8D报告 (R-CAPA-2): D0–D8 as structured sections. */
export const eightDReports = pgTable(
  'eight_d_reports',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id'),
    customerRequested: boolean('customer_requested').notNull().default(false),
    title: text('title'),
    sections: jsonb('sections').notNull().default({}),
    status: text('status').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('eight_d_reports_number_uq').on(t.number),
    check('eight_d_reports_status_ck', sql`${t.status} in ('open', 'closed')`),
  ],
);

/**
 * A nonconformity disposal 不合格品处置 (R-ESC-3): approved by the chief engineer, then published for a week; an
 * objection re-opens the investigation and the new decision needs his approval again; a second objection goes to the
 * chief engineer's final ruling. No window (`published_at`, `objection_until` null) until a round is approved.
 */
export const nonconformityDisposals = pgTable(
  'nonconformity_disposals',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id'),
    nonconformity: text('nonconformity'),
    decision: text('decision').notNull(),
    status: text('status').notNull(),
    round: integer('round').notNull().default(1),
    publishedAt: ts('published_at'),
    objectionUntil: ts('objection_until'),
    approvals: jsonb('approvals').notNull().default([]),
    returns: jsonb('returns').notNull().default([]),
    objections: jsonb('objections').notNull().default([]),
    ruling: jsonb('ruling'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('nonconformity_disposals_number_uq').on(t.number),
    index('nonconformity_disposals_window_idx')
      .on(t.objectionUntil)
      .where(sql`status = 'published'`),
    check(
      'nonconformity_disposals_status_ck',
      sql`${t.status} in ('awaiting_approval', 'returned', 'published', 'reinvestigating', 'awaiting_ruling', 'final')`,
    ),
  ],
);
