import type { Customer } from '../../../domain/reference/customer';
import type { Product } from '../../../domain/reference/product';
import { customerRepo } from '../../../db/repos/customer.repo';
import { productRepo } from '../../../db/repos/product.repo';
import type { UseCaseContext } from '../../context';
import type { Deps } from '../../deps';
import { importBatches } from '../../reference/import-batches';
import { importCustomers } from '../../reference/import-customers';
import { importProducts } from '../../reference/import-products';
import { importShipments } from '../../reference/import-shipments';
import type { ReferenceImportResult } from '../../reference/reference-import';
import { createRandom, seedOf } from './create-random';
import type { DemoDataset } from './demo-dataset';

export type DemoReference = {
  readonly lines: readonly string[];
  /** By story key (`c01`). */
  readonly customers: ReadonlyMap<string, Customer>;
  /** By product code. */
  readonly products: ReadonlyMap<string, Product>;
};

const MOBILE_PREFIXES = [
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '158',
  '159',
  '177',
  '186',
  '187',
  '188',
  '199',
];

export const demoCustomerCode = (prefix: string, key: string): string =>
  `DEMO-${prefix}-${key.toUpperCase()}`;

const summary = (what: string, r: ReferenceImportResult): string =>
  `${what} ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`;

/**
 * Loads a preset's demo customers (with tiers and special groups, R-RES-6), products (price in fen, warranty
 * months), batches and shipments per region through the bulk-upsert use-cases, keyed by code, so loading again
 * changes nothing. Phone numbers come from the preset's seeded random source: the same on every run.
 */
export const loadDemoReference = async (
  deps: Deps,
  ctx: UseCaseContext,
  data: DemoDataset,
): Promise<DemoReference> => {
  const rng = createRandom(seedOf(`${data.prefix}:phones`));
  const mobile = () => `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  const customerRows = data.customers.map((c, i) => ({
    row: i + 1,
    code: demoCustomerCode(data.prefix, c.key),
    name: c.name,
    type: c.type,
    tier: c.tier,
    specialGroup: c.specialGroup ?? null,
    phone: mobile(),
    email: c.type === 'consumer' ? null : `service.${c.key}@example.com`,
    address: c.address,
    region: c.region,
    company: c.company ?? null,
    contacts: (c.contacts ?? []).map((p) => ({ name: p.name, role: p.role, phone: mobile() })),
    notes: c.notes ?? null,
  }));
  const customers = await importCustomers(deps, ctx, customerRows);
  const products = await importProducts(
    deps,
    ctx,
    data.products.map((p, i) => ({ row: i + 1, ...p, medicalDevice: p.medicalDevice ?? false })),
  );
  const batches = await importBatches(
    deps,
    ctx,
    data.batches.map((b, i) => ({ row: i + 1, ...b })),
  );
  const shipments = await importShipments(
    deps,
    ctx,
    data.shipments.map((s, i) => ({
      row: i + 1,
      productCode: s.productCode,
      batchNo: s.batchNo,
      region: s.region,
      quantity: s.quantity,
      shippedOn: s.shippedOn,
      reference: `DEMO-${data.prefix}-S${String(i + 1).padStart(3, '0')}`,
      customerCode: s.dealer ? demoCustomerCode(data.prefix, s.dealer) : null,
    })),
  );

  const ex = deps.db.reader();
  const byCode = new Map(
    (
      await customerRepo.findForUpsert(
        ex,
        customerRows.map((r) => r.code),
        [],
      )
    ).map((c) => [c.code, c]),
  );
  const customerMap = new Map<string, Customer>();
  for (const c of data.customers) {
    const found = byCode.get(demoCustomerCode(data.prefix, c.key));
    if (found) customerMap.set(c.key, found);
  }
  const productMap = new Map<string, Product>();
  for (const p of data.products) {
    const found = await productRepo.findByCode(ex, p.code);
    if (found) productMap.set(p.code, found);
  }
  return {
    lines: [
      `demo reference data: ${summary('customers', customers)}; ${summary('products', products)}; ${summary('batches', batches)}; ${summary('shipments', shipments)}`,
    ],
    customers: customerMap,
    products: productMap,
  };
};
