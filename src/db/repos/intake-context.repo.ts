import { sql } from 'drizzle-orm';
import { rowsOfPrepared, type Executor } from '../client';
import { auditRepo } from './audit.repo';
import { settingsStamp } from './settings-stamp';

/** A caller's earlier complaint as the re-submission scoring compares it (R-INT-3). */
export type PriorComplaint = {
  readonly id: string;
  readonly number: string;
  readonly phone: string | null;
  /** The product code, else the product name (portal forms rarely carry a code). */
  readonly productCode: string | null;
  readonly batch: string | null;
  readonly description: string;
  readonly receivedAt: Date;
};

export type IntakeContext = {
  /** The product picked from the catalogue (null when an id was given and is unknown; undefined when none). */
  readonly product:
    | {
        readonly id: string;
        readonly code: string;
        readonly name: string;
        readonly model: string | null;
        readonly priceFen: number | null;
      }
    | null
    | undefined;
  /** The customer archive entry: by id when given, else the oldest with this phone; null when none. */
  readonly customer: {
    readonly id: string;
    readonly tier: string;
    readonly specialGroup: string | null;
  } | null;
  /** The caller's complaints in the count window, and those of them for the same product (R-CLS-3, R-MAL-1). */
  readonly sameCustomer: number;
  readonly sameUnit: number;
  /** Re-submission candidates in the duplicate window, newest first. */
  readonly candidates: readonly PriorComplaint[];
  /** The audit chain this transaction now holds the lock of (R-SEC-2); its head is read by a later statement. */
  readonly auditChain: number;
  /** The settings stamp (`settingsStamp`), so the caller need not ask for it separately. */
  readonly settingsStamp: string;
};

type ContextRow = {
  product: { id: string; code: string; name: string; model: string | null; priceFen: number | null } | null;
  customer: { id: string; tier: string; specialGroup: string | null } | null;
  same_customer: number;
  same_unit: number;
  candidates: (Omit<PriorComplaint, 'receivedAt'> & { receivedAt: string })[];
  audit_chain: number;
  settings_stamp: string;
};

export const intakeContextRepo = {
  /**
   * Everything intake reads before it writes, in one statement (each statement is a round trip and a socket write
   * on the hot path): the catalogue product, the customer archive entry, and the caller's earlier complaints —
   * counts for the classification and the re-submission candidates. The product code counted is the catalogue's,
   * else the one typed in (`fallbackProductCode`). It also takes this transaction's audit-chain lock (held until
   * commit anyway), so that the chain's head can be read with the numbering statement instead of two more, and
   * answers the settings probe. Candidates are read from `candidatesSince`; the caller narrows them to its window.
   */
  async read(
    ex: Executor,
    q: {
      readonly productId: string | null;
      readonly customerId: string | null;
      readonly phoneNorm: string | null;
      readonly fallbackProductCode: string | null;
      readonly countSince: Date;
      readonly candidatesSince: Date;
      readonly candidateLimit: number;
    },
  ): Promise<IntakeContext> {
    const [row] = await rowsOfPrepared<ContextRow>(
      ex,
      sql`with p as (
            select id, code, name, model, price_fen from products where id = ${q.productId}::uuid),
          k as (
            select id, tier, special_group from customers
             where case when ${q.customerId}::uuid is not null then id = ${q.customerId}::uuid
                        else phone_norm = ${q.phoneNorm}::text end
             order by created_at, id limit 1),
          m as (
            select id, number, customer_phone, product_code, product_name, batch_no, description, received_at
              from complaints
             where customer_phone_norm = ${q.phoneNorm}::text
               and received_at >= least(${q.countSince}::timestamptz, ${q.candidatesSince}::timestamptz)),
          code as (select coalesce((select code from p), ${q.fallbackProductCode}::text) as code)
          select (select json_build_object('id', id, 'code', code, 'name', name, 'model', model, 'priceFen', price_fen)
                    from p) as product,
                 (select json_build_object('id', id, 'tier', tier, 'specialGroup', special_group) from k) as customer,
                 (select count(*)::int from m where received_at >= ${q.countSince}) as same_customer,
                 (select count(*)::int from m, code
                   where received_at >= ${q.countSince} and m.product_code is not distinct from code.code) as same_unit,
                 coalesce((select json_agg(x) from (
                   select id, number, customer_phone as phone, coalesce(product_code, product_name) as "productCode",
                          batch_no as batch, description, received_at as "receivedAt"
                     from m where received_at >= ${q.candidatesSince}
                    order by received_at desc limit ${q.candidateLimit}) x), '[]') as candidates,
                 ${settingsStamp} as settings_stamp,
                 ${auditRepo.lockChainColumns()}`,
    );
    if (!row) throw new Error('intake context read returned no row');
    const productCode = row.product?.code ?? q.fallbackProductCode;
    return {
      product: q.productId ? row.product : undefined,
      customer: row.customer,
      sameCustomer: Number(row.same_customer),
      sameUnit: productCode ? Number(row.same_unit) : 0,
      candidates: row.candidates.map((c) => ({ ...c, receivedAt: new Date(c.receivedAt) })),
      auditChain: Number(row.audit_chain),
      settingsStamp: row.settings_stamp,
    };
  },
};
