import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { customers, products } from './reference.table';

/** PostgreSQL full-text vector; Closeloop fills it with Chinese character bigrams (ARCHITECTURE: Chinese search). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const OPEN = sql`status not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened')`;

/** Gapless complaint numbers per year (KS-YYYY-NNNNNN, R-INT-3): the counter row is locked by the intake transaction. */
export const complaintCounters = pgTable('complaint_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * The complaint record 投诉/反馈单 (DOMAIN §2): one row per feedback form (R-INT-3). Customer and product are
 * snapshotted as received (the archive may change later); classification, assignment, proposal, agreement,
 * follow-up and closure live here too. `next_due_at` / `breached` mirror the open deadline clocks for the queue.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    receivedAt: ts('received_at').notNull(),
    registeredAt: ts('registered_at'),
    reporterId: uuid('reporter_id'),
    intakeDepartmentId: uuid('intake_department_id'),
    receivedOutsideCustomerService: boolean('received_outside_cs').notNull().default(false),
    afterHours: jsonb('after_hours'),

    customerId: uuid('customer_id').references(() => customers.id),
    customerName: text('customer_name').notNull(),
    customerPhone: text('customer_phone'),
    customerPhoneNorm: text('customer_phone_norm'),
    customerEmail: text('customer_email'),
    customerAddress: text('customer_address'),
    customerType: text('customer_type').notNull(),
    customerTier: text('customer_tier').notNull().default('standard'),
    customerSpecialGroup: text('customer_special_group'),
    customerLocale: text('customer_locale').notNull().default('zh-CN'),

    productId: uuid('product_id').references(() => products.id),
    productName: text('product_name'),
    productModel: text('product_model'),
    productCode: text('product_code'),
    batchNo: text('batch_no'),
    serialNo: text('serial_no'),
    productionDate: date('production_date', { mode: 'string' }),
    shipDate: date('ship_date', { mode: 'string' }),
    purchaseDate: date('purchase_date', { mode: 'string' }),
    purchasePlace: text('purchase_place'),
    proofOfPurchase: boolean('proof_of_purchase').notNull().default(false),

    description: text('description').notNull(),
    occurredAt: ts('occurred_at'),
    symptom: text('symptom'),
    affectedPart: text('affected_part'),
    scope: text('scope').notNull().default('single_unit'),
    demands: text('demands')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    claimedAmountFen: bigint('claimed_amount_fen', { mode: 'number' }),
    injury: text('injury').notNull(),
    flags: text('flags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    customFields: jsonb('custom_fields').notNull().default({}),

    suggestion: jsonb('suggestion'),
    classification: jsonb('classification'),
    nature: text('nature'),
    severity: text('severity'),
    major: boolean('major').notNull().default(false),
    validity: text('validity').notNull().default('pending'),

    departmentId: uuid('department_id'),
    assigneeId: uuid('assignee_id'),
    reviewLevel: integer('review_level').notNull().default(0),
    proposers: text('proposers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    waitingOnCustomer: boolean('waiting_on_customer').notNull().default(false),
    escalationLevel: integer('escalation_level').notNull().default(0),
    proposal: jsonb('proposal'),
    agreement: jsonb('agreement'),
    resolution: jsonb('resolution'),
    followUp: jsonb('follow_up'),
    closure: jsonb('closure'),

    linkedFromId: uuid('linked_from_id'),
    duplicateOfId: uuid('duplicate_of_id'),
    trackingTokenHash: text('tracking_token_hash'),
    searchVector: tsvector('search_vector'),
    nextDueAt: ts('next_due_at'),
    breached: boolean('breached').notNull().default(false),
    /** When each lifecycle event first happened (ISO), for clocks that count from an earlier event. */
    eventTimes: jsonb('event_times').notNull().default({}),

    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('complaints_number_uq').on(t.number),
    uniqueIndex('complaints_year_seq_uq').on(t.year, t.seq),
    uniqueIndex('complaints_tracking_uq').on(t.trackingTokenHash),
    check('complaints_injury_ck', sql`${t.injury} in ('none', 'minor', 'serious', 'death')`),
    index('complaints_open_due_idx').on(t.nextDueAt, t.id).where(OPEN),
    index('complaints_dept_due_idx').on(t.departmentId, t.nextDueAt).where(OPEN),
    index('complaints_intake_dept_due_idx').on(t.intakeDepartmentId, t.nextDueAt).where(OPEN),
    index('complaints_assignee_due_idx').on(t.assigneeId, t.nextDueAt).where(OPEN),
    index('complaints_status_idx').on(t.status, t.receivedAt),
    index('complaints_severity_idx').on(t.severity, t.receivedAt),
    index('complaints_batch_idx').on(t.batchNo, t.receivedAt),
    index('complaints_product_idx').on(t.productId, t.receivedAt),
    index('complaints_phone_idx').on(t.customerPhoneNorm, t.receivedAt),
    index('complaints_customer_idx').on(t.customerId, t.receivedAt),
    index('complaints_received_idx').on(t.receivedAt, t.id),
    index('complaints_search_idx').using('gin', t.searchVector),
  ],
);

/**
 * Deadline clocks (ARCHITECTURE: deadlines are rows): one per clock per complaint — kind (the R-SLA id), due and
 * warn times computed by the domain from the policy and the calendar, met / cancelled / warned / breached times,
 * and the pauses while waiting on the customer. The sweep finds due rows through the partial indexes only.
 */
export const complaintDeadlines = pgTable(
  'complaint_deadlines',
  {
    id: uuid('id').primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    kind: text('kind').notNull(),
    startedAt: ts('started_at').notNull(),
    dueAt: ts('due_at').notNull(),
    warnAt: ts('warn_at').notNull(),
    opensAt: ts('opens_at'),
    metAt: ts('met_at'),
    late: boolean('late'),
    cancelledAt: ts('cancelled_at'),
    warnedAt: ts('warned_at'),
    breachedAt: ts('breached_at'),
    paused: boolean('paused').notNull().default(false),
    pauses: jsonb('pauses').notNull().default([]),
    escalationLevel: integer('escalation_level').notNull().default(0),
    provisional: boolean('provisional').notNull().default(false),
    rules: jsonb('rules').notNull().default([]),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('deadlines_complaint_idx').on(t.complaintId, t.kind),
    index('deadlines_breach_due_idx')
      .on(t.dueAt)
      .where(sql`met_at is null and cancelled_at is null and breached_at is null and not paused`),
    index('deadlines_open_idx')
      .on(t.id)
      .where(sql`met_at is null and cancelled_at is null`),
    index('deadlines_warn_due_idx')
      .on(t.warnAt)
      .where(
        sql`met_at is null and cancelled_at is null and warned_at is null and breached_at is null and not paused`,
      ),
  ],
);

/** Communication log: every contact with the customer (R-FUP-1, R-INT-6). */
export const complaintCommunications = pgTable(
  'complaint_communications',
  {
    id: uuid('id').primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    at: ts('at').notNull(),
    channel: text('channel').notNull(),
    direction: text('direction').notNull(),
    summary: text('summary').notNull(),
    nextStep: text('next_step'),
    contactPerson: text('contact_person'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('communications_complaint_idx').on(t.complaintId, t.at)],
);

/** Links between complaints: suggested and confirmed duplicates, reopen chains (R-INT-3, R-FUP-3). */
export const complaintLinks = pgTable(
  'complaint_links',
  {
    id: uuid('id').primaryKey(),
    fromId: uuid('from_id')
      .notNull()
      .references(() => complaints.id),
    toId: uuid('to_id')
      .notNull()
      .references(() => complaints.id),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    similarity: integer('similarity_pct'),
    reasons: jsonb('reasons').notNull().default([]),
    createdAt: ts('created_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    uniqueIndex('complaint_links_pair_uq').on(t.fromId, t.toId, t.kind),
    index('complaint_links_to_idx').on(t.toId),
  ],
);

/** KPI events per department (R-KPI-1, R-KPI-2): points against a department and why. */
export const kpiEvents = pgTable(
  'kpi_events',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id'),
    complaintId: uuid('complaint_id').notNull(),
    deadlineId: uuid('deadline_id'),
    kind: text('kind').notNull(),
    points: integer('points').notNull(),
    rule: text('rule').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [
    index('kpi_events_dept_at_idx').on(t.departmentId, t.at),
    uniqueIndex('kpi_events_deadline_uq')
      .on(t.deadlineId, t.kind)
      .where(sql`deadline_id is not null`),
  ],
);
