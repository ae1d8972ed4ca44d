import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Complaint } from '../../domain/complaint/complaint';
import { rowsOfPrepared, type Executor } from '../client';
import { auditRepo, type AuditHead } from './audit.repo';
import { jsonInsert, storedRowOf, writesAsCtes } from '../insert-json-rows';
import { complaintCounters, complaints } from '../schema/complaint.table';

export type ComplaintRow = typeof complaints.$inferSelect;
export type NewComplaintRow = typeof complaints.$inferInsert;

/**
 * Who may read which complaints (R-SEC-1, R-SEC-4): company-wide roles all of them; department roles those
 * owned by, or registered in, a department of their subtree, plus those assigned to or registered by them.
 */
export type ComplaintScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'departments'; readonly departmentIds: readonly string[]; readonly userId: string };

export const complaintScopeCondition = (scope: ComplaintScope): SQL | undefined => {
  if (scope.kind === 'all') return undefined;
  const mine = sql`(${complaints.assigneeId} = ${scope.userId} or ${complaints.reporterId} = ${scope.userId})`;
  if (scope.departmentIds.length === 0) return mine;
  return sql`(${complaints.departmentId} in ${scope.departmentIds} or ${complaints.intakeDepartmentId} in ${scope.departmentIds} or ${mine})`;
};

const iso = (d: string | null | undefined) => d ?? null;

export const toComplaint = (r: ComplaintRow): Complaint => ({
  id: r.id,
  number: r.number,
  kind: r.kind as Complaint['kind'],
  channel: r.channel as Complaint['channel'],
  status: r.status as Complaint['status'],
  receivedAt: r.receivedAt,
  registeredAt: r.registeredAt,
  reporterId: r.reporterId,
  intakeDepartmentId: r.intakeDepartmentId,
  receivedOutsideCustomerService: r.receivedOutsideCustomerService,
  customer: {
    id: r.customerId,
    name: r.customerName,
    phone: r.customerPhone,
    email: r.customerEmail,
    address: r.customerAddress,
    type: r.customerType as Complaint['customer']['type'],
    tier: r.customerTier as Complaint['customer']['tier'],
    specialGroup: r.customerSpecialGroup as Complaint['customer']['specialGroup'],
    locale: r.customerLocale === 'en' ? 'en' : 'zh-CN',
  },
  product: {
    id: r.productId,
    name: r.productName,
    model: r.productModel,
    code: r.productCode,
    batchNo: r.batchNo,
    serialNo: r.serialNo,
    productionDate: iso(r.productionDate),
    shipDate: iso(r.shipDate),
    purchaseDate: iso(r.purchaseDate),
    purchasePlace: r.purchasePlace,
    proofOfPurchase: r.proofOfPurchase,
  },
  problem: {
    description: r.description,
    occurredAt: r.occurredAt,
    symptom: r.symptom,
    affectedPart: r.affectedPart,
    scope: r.scope as Complaint['problem']['scope'],
  },
  demands: r.demands as Complaint['demands'],
  claimedAmountFen: r.claimedAmountFen,
  injury: r.injury as Complaint['injury'],
  flags: r.flags as Complaint['flags'],
  customFields: (r.customFields ?? {}) as Record<string, unknown>,
  suggestion: r.suggestion,
  classification: r.classification as Complaint['classification'],
  nature: r.nature as Complaint['nature'],
  severity: r.severity,
  major: r.major,
  validity: r.validity as Complaint['validity'],
  departmentId: r.departmentId,
  assigneeId: r.assigneeId,
  reviewLevel: r.reviewLevel,
  proposers: r.proposers,
  waitingOnCustomer: r.waitingOnCustomer,
  escalationLevel: r.escalationLevel,
  proposal: r.proposal as Complaint['proposal'],
  agreement: r.agreement as Complaint['agreement'],
  resolution: r.resolution as Complaint['resolution'],
  followUp: r.followUp as Complaint['followUp'],
  closure: r.closure as Complaint['closure'],
  linkedFromId: r.linkedFromId,
  duplicateOfId: r.duplicateOfId,
  nextDueAt: r.nextDueAt,
  breached: r.breached,
  eventTimes: (r.eventTimes ?? {}) as Record<string, string>,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  version: r.version,
});

export type ComplaintPatch = Partial<
  Pick<
    NewComplaintRow,
    | 'status'
    | 'registeredAt'
    | 'suggestion'
    | 'classification'
    | 'nature'
    | 'severity'
    | 'major'
    | 'validity'
    | 'departmentId'
    | 'assigneeId'
    | 'reviewLevel'
    | 'proposers'
    | 'waitingOnCustomer'
    | 'escalationLevel'
    | 'proposal'
    | 'agreement'
    | 'resolution'
    | 'followUp'
    | 'closure'
    | 'duplicateOfId'
    | 'linkedFromId'
    | 'customerId'
    | 'customerName'
    | 'customerPhone'
    | 'customerPhoneNorm'
    | 'customerEmail'
    | 'customerAddress'
    | 'productId'
    | 'productName'
    | 'productModel'
    | 'productCode'
    | 'batchNo'
    | 'serialNo'
    | 'description'
    | 'symptom'
    | 'affectedPart'
    | 'scope'
    | 'demands'
    | 'claimedAmountFen'
    | 'injury'
    | 'flags'
    | 'customFields'
    | 'searchVector'
    | 'eventTimes'
  >
>;

/**
 * The search vector of a complaint from its bigram terms. Passed as one space-joined parameter (bigrams never
 * contain whitespace) and turned into lexemes with array_to_tsvector, bypassing PostgreSQL's text parser.
 */
export const searchVectorOf = (terms: readonly string[]) =>
  sql`array_to_tsvector(string_to_array(${terms.join(' ')}, ' '))` as unknown as string;

export const complaintRepo = {
  /**
   * The next number of the year. The counter row stays locked until the intake commits, so numbers are
   * gapless and in commit order; a rolled-back intake gives its number back.
   */
  async allocateNumber(ex: Executor, year: number): Promise<number> {
    const [row] = await ex
      .insert(complaintCounters)
      .values({ year, last: 1 })
      .onConflictDoUpdate({
        target: complaintCounters.year,
        set: { last: sql`${complaintCounters.last} + 1` },
      })
      .returning({ last: complaintCounters.last });
    return row?.last ?? 1;
  },

  async insert(ex: Executor, row: NewComplaintRow): Promise<void> {
    await ex.insert(complaints).values(row);
  },

  /**
   * Stores a new complaint with the year's next gapless number (R-INT-3) and, in the same statement, the rows that
   * belong to it (`together`: its clocks, KPI rows, suggested links). The counter row stays locked from here until
   * commit, so intake sends this as late as it can, in one round trip; the complaint row is written once, already
   * numbered (a second row version would cost every one of its 22 indexes again). Returns the number given (KS-
   * YYYY-NNNNNN, checked by the caller against formatComplaintNumber) and the complaint as stored (`storedRowOf`:
   * the values with the columns' defaults, no `RETURNING *`).
   */
  async insertNumbered(
    ex: Executor,
    row: Omit<NewComplaintRow, 'number' | 'seq' | 'searchVector'>,
    searchTerms: readonly string[],
    together: readonly (SQL | null)[],
    /** The audit chain whose lock the transaction holds: its head is read by this statement too. */
    auditChain: number,
  ): Promise<{ seq: number; number: string; complaint: Complaint; auditHead: AuditHead }> {
    const year = row.year;
    const insert = jsonInsert(complaints, [row], {
      computed: {
        seq: sql`n.last`,
        number: sql`'KS-' || ${year}::int || '-' || lpad(n.last::text, greatest(6, length(n.last::text)), '0')`,
        searchVector: sql`array_to_tsvector(string_to_array(${searchTerms.join(' ')}, ' '))`,
      },
      alsoFrom: sql`n`,
      returning: sql`seq, number`,
    });
    const others = together.filter((s): s is SQL => s !== null);
    const [numbered] = await rowsOfPrepared<{
      seq: number;
      number: string;
      audit_head: { seq: number; hash: string } | null;
    }>(
      ex,
      sql`with n as (
            insert into complaint_counters (year, last) values (${year}, 1)
            on conflict (year) do update set last = complaint_counters.last + 1
            returning last),
          c as (${insert})${others.length > 0 ? sql`, ${writesAsCtes(others)}` : sql``}
          select seq, number, ${auditRepo.headColumn(auditChain)} from c`,
    );
    if (!numbered) throw new Error(`complaint ${row.id} was not stored`);
    const seq = Number(numbered.seq);
    return {
      seq,
      number: numbered.number,
      complaint: toComplaint(storedRowOf(complaints, { ...row, seq, number: numbered.number })),
      auditHead: auditRepo.toHead(auditChain, numbered.audit_head),
    };
  },

  /** A complaint not stored yet, as it will be stored (defaults filled in; number and seq still unknown). */
  asStored(row: Omit<NewComplaintRow, 'number' | 'seq' | 'searchVector'>): Complaint {
    return toComplaint(storedRowOf(complaints, { ...row, number: '', seq: 0 }));
  },

  async findById(
    ex: Executor,
    id: string,
    scope: ComplaintScope = { kind: 'all' },
  ): Promise<Complaint | undefined> {
    const [row] = await ex
      .select()
      .from(complaints)
      .where(and(eq(complaints.id, id), complaintScopeCondition(scope)));
    return row && toComplaint(row);
  },

  /** Locks the complaint for the rest of the transaction (every state change goes through here). */
  async findByIdForUpdate(ex: Executor, id: string): Promise<Complaint | undefined> {
    const [row] = await ex.select().from(complaints).where(eq(complaints.id, id)).for('update');
    return row && toComplaint(row);
  },

  async findByNumber(ex: Executor, number: string): Promise<Complaint | undefined> {
    const [row] = await ex.select().from(complaints).where(eq(complaints.number, number));
    return row && toComplaint(row);
  },

  async findByTrackingHash(ex: Executor, hash: string): Promise<Complaint | undefined> {
    const [row] = await ex.select().from(complaints).where(eq(complaints.trackingTokenHash, hash));
    return row && toComplaint(row);
  },

  /** Applies a change when the row still has `expectedVersion`; returns the new version, or undefined (409). */
  async update(
    ex: Executor,
    id: string,
    expectedVersion: number,
    patch: ComplaintPatch,
    now: Date,
  ): Promise<number | undefined> {
    const [row] = await ex
      .update(complaints)
      .set({ ...patch, updatedAt: now, version: sql`${complaints.version} + 1` })
      .where(and(eq(complaints.id, id), eq(complaints.version, expectedVersion)))
      .returning({ version: complaints.version });
    return row?.version;
  },

  /** Mirrors the open clocks onto the complaint: the earliest due time and whether any clock is breached. */
  async refreshDueSummary(ex: Executor, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await ex.execute(sql`
      update complaints c set
        next_due_at = (select min(d.due_at) from complaint_deadlines d
                       where d.complaint_id = c.id and d.met_at is null and d.cancelled_at is null and not d.paused),
        breached = exists (select 1 from complaint_deadlines d
                           where d.complaint_id = c.id and d.breached_at is not null and d.met_at is null and d.cancelled_at is null)
      where c.id in ${ids}`);
  },

  /**
   * What duplicate scoring compares (R-INT-3) of the recent complaints of one phone: 8 columns, not the whole row.
   * The product code stands in by the product name when there is none (portal forms rarely carry a code).
   */
};
