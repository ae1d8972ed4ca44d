import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { complaints } from './complaint.table';
import { users } from './identity.table';

/**
 * A compensation proposal 处理方案 (DOMAIN §9–10), one row per version: editing a proposal writes a new version and
 * supersedes the old one, so a signature (bound to `content_hash`) can never be moved onto changed terms (R-APR-2).
 * `options` are the solution options with amounts in fen and the approval chain each needs; `steps` the approval
 * steps (roles signing in parallel within a step, steps in order); `explanation` the engine's rules and citations.
 */
export const compensationProposals = pgTable(
  'compensation_proposals',
  {
    id: uuid('id').primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    options: jsonb('options').notNull(),
    steps: jsonb('steps').notNull(),
    facts: jsonb('facts').notNull(),
    explanation: jsonb('explanation').notNull(),
    policyVersion: integer('policy_version').notNull(),
    contentHash: text('content_hash').notNull(),
    note: text('note'),
    executionWorkingDays: integer('execution_working_days').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    decidedAt: ts('decided_at'),
    /**
     * 产品质量处理核销申报表 (seed 004, R-RPT-3): numbered HX-YYYY-NNNNNN, gapless per year, when the last execution
     * task of the approved proposal is done — what finance writes off is what was carried out.
     */
    writeOffNo: text('write_off_no'),
    writeOffAt: ts('write_off_at'),
  },
  (t) => [
    uniqueIndex('compensation_proposals_version_uq').on(t.complaintId, t.version),
    uniqueIndex('compensation_proposals_write_off_uq').on(t.writeOffNo),
    index('compensation_proposals_pending_idx')
      .on(t.createdAt)
      .where(sql`status = 'pending_approval'`),
    check(
      'compensation_proposals_status_ck',
      sql`${t.status} in ('pending_approval', 'approved', 'rejected', 'superseded')`,
    ),
  ],
);

/**
 * Electronic signatures on a proposal version (R-APR-2, 21 CFR 11.50, 电子签名法): printed name, time, meaning,
 * the hash of the exact proposal version signed, and the single-use challenge it answered (a replay is refused by
 * the unique index). Append-only: a trigger refuses UPDATE and DELETE.
 */
export const approvalSignatures = pgTable(
  'approval_signatures',
  {
    id: uuid('id').primaryKey(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => compensationProposals.id),
    complaintId: uuid('complaint_id').notNull(),
    proposalVersion: integer('proposal_version').notNull(),
    proposalHash: text('proposal_hash').notNull(),
    stepIndex: integer('step_index').notNull(),
    role: text('role').notNull(),
    signerId: uuid('signer_id')
      .notNull()
      .references(() => users.id),
    signerName: text('signer_name').notNull(),
    onBehalfOfId: uuid('on_behalf_of_id'),
    onBehalfOfName: text('on_behalf_of_name'),
    meaning: text('meaning').notNull(),
    reason: text('reason'),
    challengeId: uuid('challenge_id').notNull(),
    signedAt: ts('signed_at').notNull(),
  },
  (t) => [
    uniqueIndex('approval_signatures_role_uq').on(t.proposalId, t.role),
    uniqueIndex('approval_signatures_challenge_uq').on(t.challengeId),
    index('approval_signatures_complaint_idx').on(t.complaintId, t.signedAt),
    check('approval_signatures_meaning_ck', sql`${t.meaning} in ('approve', 'reject')`),
  ],
);

/** Single-use signing challenges: issued for one user and one proposal hash, valid a few minutes (R-APR-2). */
export const signatureChallenges = pgTable(
  'signature_challenges',
  {
    id: uuid('id').primaryKey(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => compensationProposals.id),
    userId: uuid('user_id').notNull(),
    proposalHash: text('proposal_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('signature_challenges_expiry_idx').on(t.expiresAt)],
);

/** Approval delegation while someone is away: the delegate may sign for the delegator's roles in the window. */
export const approvalDelegations = pgTable(
  'approval_delegations',
  {
    id: uuid('id').primaryKey(),
    delegatorId: uuid('delegator_id')
      .notNull()
      .references(() => users.id),
    delegateId: uuid('delegate_id')
      .notNull()
      .references(() => users.id),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    index('approval_delegations_delegate_idx').on(t.delegateId, t.endsAt),
    check('approval_delegations_window_ck', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Execution tasks of an agreed solution (R-RES-7, R-RES-9): refund, ship replacement, repair, voucher… */
export const compensationTasks = pgTable(
  'compensation_tasks',
  {
    id: uuid('id').primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => compensationProposals.id),
    kind: text('kind').notNull(),
    optionKind: text('option_kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    ownerRole: text('owner_role').notNull(),
    ownerId: uuid('owner_id'),
    dueAt: ts('due_at').notNull(),
    status: text('status').notNull(),
    reference: text('reference'),
    note: text('note'),
    doneAt: ts('done_at'),
    doneBy: uuid('done_by'),
    escalatedAt: ts('escalated_at'),
    createdAt: ts('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('compensation_tasks_complaint_idx').on(t.complaintId),
    index('compensation_tasks_open_due_idx')
      .on(t.dueAt)
      .where(sql`status = 'open'`),
    check('compensation_tasks_status_ck', sql`${t.status} in ('open', 'done', 'cancelled')`),
    check('compensation_tasks_amount_ck', sql`${t.amountFen} >= 0`),
  ],
);

/**
 * Cost allocation 责任划分 (R-RES-8): who bears the cost of a complaint, with share in basis points (sum 10 000) and
 * the amount in fen; each party other than the company itself gets a cost-transfer form 质量事故费用转移单 number,
 * external parties a deduction notice 扣款通知单 number.
 */
export const costAllocations = pgTable(
  'cost_allocations',
  {
    id: uuid('id').primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    partyKind: text('party_kind').notNull(),
    partyName: text('party_name').notNull(),
    departmentId: uuid('department_id'),
    shareBp: integer('share_bp').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    rule: text('rule'),
    transferFormNo: text('transfer_form_no'),
    deductionNoticeNo: text('deduction_notice_no'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('cost_allocations_complaint_idx').on(t.complaintId),
    index('cost_allocations_party_idx').on(t.partyKind, t.partyName),
    check('cost_allocations_share_ck', sql`${t.shareBp} > 0 and ${t.shareBp} <= 10000`),
    check('cost_allocations_amount_ck', sql`${t.amountFen} >= 0`),
  ],
);

/** Gapless numbers for the printed forms (ZY-2026-000001 转移单, KK-2026-000001 扣款通知单), by kind and year. */
export const documentCounters = pgTable(
  'document_counters',
  {
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [uniqueIndex('document_counters_uq').on(t.kind, t.year)],
);

/**
 * The compensation ledger: signed entries per stage (proposed exposure, approved, agreed, paid). A superseded or
 * rejected proposal writes the reversing entry, so sums over any period are exact. `month` is the Asia/Shanghai
 * month of `occurred_at`; customer and product are copied from the complaint for the per-customer/product views.
 */
export const compensationLedger = pgTable(
  'compensation_ledger',
  {
    id: uuid('id').primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    proposalId: uuid('proposal_id'),
    taskId: uuid('task_id'),
    customerId: uuid('customer_id'),
    productId: uuid('product_id'),
    stage: text('stage').notNull(),
    kind: text('kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    month: text('month').notNull(),
    occurredAt: ts('occurred_at').notNull(),
  },
  (t) => [
    index('compensation_ledger_complaint_idx').on(t.complaintId),
    index('compensation_ledger_customer_idx').on(t.customerId, t.occurredAt),
    index('compensation_ledger_month_idx').on(t.month, t.stage),
    check('compensation_ledger_stage_ck', sql`${t.stage} in ('proposed', 'approved', 'agreed', 'paid')`),
  ],
);
