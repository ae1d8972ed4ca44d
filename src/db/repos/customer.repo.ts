import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CustomerTier, CustomerType, SpecialGroup } from '../../domain/complaint/complaint-vocabulary';
import type { Customer, CustomerContact } from '../../domain/reference/customer';
import type { CustomerId } from '../../domain/reference/reference-ids';
import type { Executor } from '../client';
import { inChunks } from '../in-chunks';
import { keysetCondition, keysetOrder, likeContains, type KeysetSort } from '../keyset';
import { customers } from '../schema/reference.table';

type CustomerRow = typeof customers.$inferSelect;

const textOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Contacts are JSONB: anything that is not a `{ name, phone?, role? }` object is skipped, never trusted. */
const toContacts = (value: unknown): CustomerContact[] =>
  Array.isArray(value)
    ? value
        .filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null)
        .filter((c) => typeof c.name === 'string')
        .map((c) => ({ name: String(c.name), phone: textOrNull(c.phone), role: textOrNull(c.role) }))
    : [];

const toCustomer = (r: CustomerRow): Customer => ({
  id: r.id as CustomerId,
  code: r.code,
  name: r.name,
  type: r.type as CustomerType,
  tier: r.tier as CustomerTier,
  specialGroup: r.specialGroup as SpecialGroup | null,
  phone: r.phone,
  phoneNorm: r.phoneNorm,
  email: r.email,
  address: r.address,
  region: r.region,
  company: r.company,
  contacts: toContacts(r.contacts),
  notes: r.notes,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  version: r.version,
});

const toRow = (c: Customer): typeof customers.$inferInsert => ({
  ...c,
  contacts: c.contacts.map((x) => ({ ...x })),
});

export type CustomerFilter = {
  readonly q?: string | undefined;
  readonly phoneNorm?: string | undefined;
  readonly type?: CustomerType | undefined;
  readonly tier?: CustomerTier | undefined;
  readonly specialGroup?: SpecialGroup | undefined;
};

export type CustomerSortKey = 'name' | 'createdAt';

export const customerSortColumns = { name: customers.name, createdAt: customers.createdAt };

export type CustomerPatch = Partial<Omit<Customer, 'id' | 'createdAt' | 'updatedAt' | 'version'>>;

export const customerRepo = {
  async findById(ex: Executor, id: string): Promise<Customer | undefined> {
    const [row] = await ex.select().from(customers).where(eq(customers.id, id));
    return row && toCustomer(row);
  },

  async findByIdForUpdate(ex: Executor, id: string): Promise<Customer | undefined> {
    const [row] = await ex.select().from(customers).where(eq(customers.id, id)).for('update');
    return row && toCustomer(row);
  },

  async findByCode(ex: Executor, code: string): Promise<Customer | undefined> {
    const [row] = await ex.select().from(customers).where(eq(customers.code, code));
    return row && toCustomer(row);
  },

  /** Customers whose normalised phone is this one (a family or a company may share a number), oldest first. */
  async findByPhoneNorm(ex: Executor, phoneNorm: string, limit: number): Promise<Customer[]> {
    const rows = await ex
      .select()
      .from(customers)
      .where(eq(customers.phoneNorm, phoneNorm))
      .orderBy(customers.createdAt, customers.id)
      .limit(limit);
    return rows.map(toCustomer);
  },

  /** For a bulk upsert: every customer with one of these codes or normalised phones, rows locked. */
  async findForUpsert(
    ex: Executor,
    codes: readonly string[],
    phoneNorms: readonly string[],
  ): Promise<Customer[]> {
    const found = new Map<string, Customer>();
    await inChunks(codes, 5000, async (chunk) => {
      const rows = await ex.select().from(customers).where(inArray(customers.code, chunk)).for('update');
      for (const r of rows) found.set(r.id, toCustomer(r));
    });
    await inChunks(phoneNorms, 5000, async (chunk) => {
      const rows = await ex
        .select()
        .from(customers)
        .where(inArray(customers.phoneNorm, chunk))
        .orderBy(customers.createdAt, customers.id)
        .for('update');
      for (const r of rows) found.set(r.id, toCustomer(r));
    });
    return [...found.values()];
  },

  async list(
    ex: Executor,
    filter: CustomerFilter,
    page: { sort: KeysetSort; after: { value: unknown; id: string } | undefined; limit: number },
  ): Promise<Customer[]> {
    const rows = await ex
      .select()
      .from(customers)
      .where(
        and(
          filter.q ? sql`${customers.name} ilike ${likeContains(filter.q)}` : undefined,
          filter.phoneNorm ? eq(customers.phoneNorm, filter.phoneNorm) : undefined,
          filter.type ? eq(customers.type, filter.type) : undefined,
          filter.tier ? eq(customers.tier, filter.tier) : undefined,
          filter.specialGroup ? eq(customers.specialGroup, filter.specialGroup) : undefined,
          keysetCondition(page.sort, customers.id, page.after),
        ),
      )
      .orderBy(...keysetOrder(page.sort, customers.id))
      .limit(page.limit);
    return rows.map(toCustomer);
  },

  async existsById(ex: Executor, id: string): Promise<boolean> {
    const [row] = await ex.select({ id: customers.id }).from(customers).where(eq(customers.id, id));
    return row !== undefined;
  },

  async insertMany(ex: Executor, rows: readonly Customer[]): Promise<void> {
    await inChunks(rows, 500, async (chunk) => {
      await ex.insert(customers).values(chunk.map(toRow));
    });
  },

  /**
   * Updates the customer when it still has `expectedVersion` (optimistic concurrency). Returns the updated
   * customer, or undefined when the version moved on (the caller answers VERSION_CONFLICT).
   */
  async update(
    ex: Executor,
    id: string,
    expectedVersion: number,
    patch: CustomerPatch,
    now: Date,
  ): Promise<Customer | undefined> {
    const { contacts, ...rest } = patch;
    const [row] = await ex
      .update(customers)
      .set({
        ...rest,
        ...(contacts !== undefined && { contacts: contacts.map((x) => ({ ...x })) }),
        updatedAt: now,
        version: sql`${customers.version} + 1`,
      })
      .where(and(eq(customers.id, id), eq(customers.version, expectedVersion)))
      .returning();
    return row && toCustomer(row);
  },
};
