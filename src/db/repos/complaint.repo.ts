import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Complaint } from '../../domain/complaint/complaint';
import { rowsOf, type Executor } from '../client';
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
   * Inserts a complaint before its gapless number is taken (R-INT-3: the counter row stays locked until commit,
   * so intake takes it last) and returns it as stored. Until `assignNumber`, in the same transaction, the row
   * holds a placeholder no other open transaction can hold: its id as number, minus its backend's pid as seq.
   */
  async insertUnnumbered(ex: Executor, row: Omit<NewComplaintRow, 'number' | 'seq'>): Promise<Complaint> {
    const [stored] = await ex
      .insert(complaints)
      .values({ ...row, number: row.id, seq: sql`-pg_backend_pid()` })
      .returning();
    if (!stored) throw new Error('insert returned no row');
    return toComplaint(stored);
  },

  /**
   * Takes the year's next gapless number (R-INT-3) and gives it to a complaint inserted unnumbered, in one
   * statement (the counter row stays locked until commit), with its next-due summary computed from the clocks
   * written in the same transaction. The text is formatComplaintNumber's: KS-YYYY-NNNNNN.
   */
  async assignNextNumber(
    ex: Executor,
    id: string,
    year: number,
    due: { readonly nextDueAt: Date | null; readonly breached: boolean },
  ): Promise<{ seq: number; number: string }> {
    const [row] = await rowsOf<{ seq: number; number: string }>(
      ex,
      sql`with n as (
            insert into complaint_counters (year, last) values (${year}, 1)
            on conflict (year) do update set last = complaint_counters.last + 1
            returning last)
          update complaints c
             set seq = n.last, number = 'KS-' || ${year}::int || '-' || lpad(n.last::text, greatest(6, length(n.last::text)), '0'),
                 next_due_at = ${due.nextDueAt}, breached = ${due.breached}
            from n where c.id = ${id}
          returning c.seq, c.number`,
    );
    if (!row) throw new Error(`complaint ${id} not found to number`);
    return { seq: Number(row.seq), number: row.number };
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
  async findDuplicateCandidates(
    ex: Executor,
    phoneNorm: string,
    since: Date,
    limit: number,
  ): Promise<
    {
      id: string;
      number: string;
      phone: string | null;
      productCode: string | null;
      batch: string | null;
      description: string;
      receivedAt: Date;
    }[]
  > {
    return ex
      .select({
        id: complaints.id,
        number: complaints.number,
        phone: complaints.customerPhone,
        productCode: sql<string | null>`coalesce(${complaints.productCode}, ${complaints.productName})`,
        batch: complaints.batchNo,
        description: complaints.description,
        receivedAt: complaints.receivedAt,
      })
      .from(complaints)
      .where(and(eq(complaints.customerPhoneNorm, phoneNorm), sql`${complaints.receivedAt} >= ${since}`))
      .orderBy(sql`${complaints.receivedAt} desc`)
      .limit(limit);
  },
};
