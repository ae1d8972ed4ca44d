import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { CustomerCompensationEntry } from '../../domain/reference/customer-history';
import type { Executor } from '../client';
import { compensationLedger } from '../schema/compensation.table';
import { complaints } from '../schema/complaint.table';
import { customers, products } from '../schema/reference.table';
import { complaintScopeCondition, type ComplaintScope } from './complaint.repo';

export type LedgerStage = 'proposed' | 'approved' | 'agreed' | 'paid';

/** One signed ledger entry (a reversal is a negative amount at the same stage). */
export type LedgerEntryInput = {
  readonly id: string;
  readonly complaintId: string;
  readonly proposalId: string | null;
  readonly taskId: string | null;
  readonly customerId: string | null;
  readonly productId: string | null;
  readonly stage: LedgerStage;
  readonly kind: string;
  readonly amountFen: number;
  /** Asia/Shanghai `YYYY-MM` of `occurredAt` (the company's booking month). */
  readonly month: string;
  readonly occurredAt: Date;
};

/** Net amounts per stage, in fen (entries and their reversals added up). */
export type LedgerAmounts = {
  readonly proposedFen: number;
  readonly approvedFen: number;
  readonly agreedFen: number;
  readonly paidFen: number;
};

/** The grouping keys SQL can answer directly; `party` is derived from the complaint grouping and the allocations. */
export type LedgerSqlGrouping = 'complaint' | 'customer' | 'product' | 'month';

export type LedgerFilter = {
  /** First booking month, `YYYY-MM`, inclusive. */
  readonly from: string | undefined;
  /** Last booking month, `YYYY-MM`, inclusive. */
  readonly to: string | undefined;
  readonly scope: ComplaintScope;
};

export type LedgerGroupRow = LedgerAmounts & { readonly key: string; readonly label: string };

const L = compensationLedger;

const stageSum = (stage: LedgerStage) =>
  sql<string>`coalesce(sum(${L.amountFen}) filter (where ${L.stage} = ${sql.raw(`'${stage}'`)}), 0)::text`;

const amountColumns = {
  proposed: stageSum('proposed'),
  approved: stageSum('approved'),
  agreed: stageSum('agreed'),
  paid: stageSum('paid'),
};

type AmountRow = { proposed: string; approved: string; agreed: string; paid: string };

const toAmounts = (r: AmountRow): LedgerAmounts => ({
  proposedFen: Number(r.proposed),
  approvedFen: Number(r.approved),
  agreedFen: Number(r.agreed),
  paidFen: Number(r.paid),
});

const filterOf = (f: LedgerFilter): SQL | undefined =>
  and(
    f.from ? gte(L.month, f.from) : undefined,
    f.to ? lte(L.month, f.to) : undefined,
    complaintScopeCondition(f.scope),
  );

// The key and label of each grouping. Literals are inlined (sql.raw) so that GROUP BY 1 matches the select.
const customerId = sql`coalesce(${L.customerId}, ${complaints.customerId})`;
const productId = sql`coalesce(${L.productId}, ${complaints.productId})`;
const GROUPINGS: Record<LedgerSqlGrouping, { key: SQL<string>; label: SQL<string> }> = {
  complaint: { key: sql<string>`${L.complaintId}::text`, label: sql<string>`max(${complaints.number})` },
  customer: {
    key: sql<string>`coalesce(${customerId}::text, ${sql.raw(`''`)})`,
    label: sql<string>`coalesce(max(${customers.name}), max(${complaints.customerName}))`,
  },
  product: {
    key: sql<string>`coalesce(${productId}::text, ${sql.raw(`''`)})`,
    label: sql<string>`coalesce(max(${products.name}), max(${complaints.productName}), ${sql.raw(`''`)})`,
  },
  month: { key: sql<string>`${L.month}`, label: sql<string>`${L.month}` },
};

/** The compensation ledger (issue 5): signed entries by stage, written by the proposal and execution flows. */
export const compensationLedgerRepo = {
  async append(ex: Executor, entries: readonly LedgerEntryInput[]): Promise<void> {
    if (entries.length === 0) return;
    await ex.insert(compensationLedger).values(entries.map((e) => ({ ...e })));
  },

  /** Net amounts per stage of one complaint (all months). */
  async totalsForComplaint(ex: Executor, complaintId: string): Promise<LedgerAmounts> {
    const [row] = await ex.select(amountColumns).from(L).where(eq(L.complaintId, complaintId));
    return toAmounts(row ?? { proposed: '0', approved: '0', agreed: '0', paid: '0' });
  },

  /**
   * Net amounts per stage grouped by complaint, customer, product or booking month, for the complaints in scope and
   * the months in range. A customer or product key is '' for entries whose complaint has none on record.
   */
  async sumBy(ex: Executor, grouping: LedgerSqlGrouping, filter: LedgerFilter): Promise<LedgerGroupRow[]> {
    const g = GROUPINGS[grouping];
    const rows = await ex
      .select({ key: g.key, label: g.label, ...amountColumns })
      .from(L)
      .innerJoin(complaints, eq(complaints.id, L.complaintId))
      .leftJoin(customers, sql`${customers.id} = ${customerId}`)
      .leftJoin(products, sql`${products.id} = ${productId}`)
      .where(filterOf(filter))
      .groupBy(sql`1`);
    return rows.map((r) => ({ key: r.key, label: r.label ?? '', ...toAmounts(r) }));
  },

  /** The compensation history of one customer (R-RES-6): per complaint with ledger entries, newest first. */
  async historyForCustomer(ex: Executor, customerIdValue: string): Promise<CustomerCompensationEntry[]> {
    const rows = await ex
      .select({
        complaintId: complaints.id,
        number: complaints.number,
        receivedAt: complaints.receivedAt,
        lastPaidAt:
          sql<Date | null>`max(${L.occurredAt}) filter (where ${L.stage} = ${sql.raw(`'paid'`)})`.mapWith(
            L.occurredAt,
          ),
        ...amountColumns,
      })
      .from(L)
      .innerJoin(complaints, eq(complaints.id, L.complaintId))
      .where(eq(complaints.customerId, customerIdValue))
      .groupBy(complaints.id, complaints.number, complaints.receivedAt)
      .orderBy(sql`${complaints.receivedAt} desc`, sql`${complaints.id} desc`);
    return rows.map((r) => ({
      complaintId: r.complaintId,
      number: r.number,
      receivedAt: r.receivedAt,
      agreedFen: Number(r.agreed),
      paidFen: Number(r.paid),
      lastPaidAt: r.lastPaidAt,
    }));
  },
};
