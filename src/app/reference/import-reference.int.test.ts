import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { rowsOf } from '../../db/client';
import { productRepo } from '../../db/repos/product.repo';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { systemContext } from '../context';
import { importBatches } from './import-batches';
import { importCustomers } from './import-customers';
import { importProducts } from './import-products';
import { importShipments } from './import-shipments';
import { buildProduct } from './manage-products';
import { rethrowUniqueViolation } from './rethrow-unique-violation';

let deps: TestDeps;
const ctx = systemContext('import-test');
const N = 5000;

beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => deps.close());

const count = async (table: string) =>
  Number(
    (await rowsOf<{ n: number }>(deps.db.reader(), sql`select count(*)::int as n from ${sql.raw(table)}`))[0]
      ?.n,
  );

describe('bulk upserts at the 5,000-row limit', () => {
  it(
    'should import 5,000 rows of each kind in one transaction each, with one audit row per change',
    { timeout: 180_000 },
    async () => {
      const audit0 = await count('audit_log');
      const customers = Array.from({ length: N }, (_, i) => ({
        row: i + 1,
        code: `CU-${i}`,
        name: `顾客${i}`,
        phone: `+86 139-${String(i).padStart(4, '0')}-0000`,
        address: '浙江省杭州市西湖区文三路 100 号',
        contacts: [{ name: '联系人', phone: '13800000000', role: '采购' }],
      }));
      expect(await importCustomers(deps, ctx, customers)).toEqual({ created: N, updated: 0, unchanged: 0 });
      const products = Array.from({ length: N }, (_, i) => ({
        row: i + 1,
        code: `P-${i}`,
        name: `产品${i}`,
        priceFen: i,
      }));
      expect(await importProducts(deps, ctx, products)).toEqual({ created: N, updated: 0, unchanged: 0 });
      const batches = products.map((p) => ({
        row: p.row,
        productCode: p.code,
        batchNo: 'B1',
        quantity: 100,
      }));
      expect(await importBatches(deps, ctx, batches)).toEqual({ created: N, updated: 0, unchanged: 0 });
      const shipments = products.map((p, i) => ({
        row: p.row,
        productCode: p.code,
        batchNo: 'B1',
        region: '华东',
        quantity: 10,
        shippedOn: '2026-03-01',
        reference: `DN-${i}`,
        customerCode: `CU-${i}`,
      }));
      expect(await importShipments(deps, ctx, shipments)).toEqual({ created: N, updated: 0, unchanged: 0 });
      expect(await count('audit_log')).toBe(audit0 + 4 * N);

      const changed = customers.map((c, i) => (i % 2 ? { ...c, tier: 'long_term' as const } : c));
      expect(await importCustomers(deps, ctx, changed)).toEqual({
        created: 0,
        updated: N / 2,
        unchanged: N / 2,
      });
      expect(await importShipments(deps, ctx, shipments)).toEqual({ created: 0, updated: 0, unchanged: N });
      expect(await count('customers')).toBe(N);
      expect((await verifyAuditChain(deps)).ok).toBe(true);
    },
  );
});

describe('a lost race for a unique code', () => {
  it('should answer the taken code, not an internal error, when the unique index refuses the insert', async () => {
    const now = deps.clock.now();
    await deps.db.transaction((tx) =>
      productRepo.insertMany(tx, [buildProduct(now, { code: 'RACE-1', name: '甲' })]),
    );
    const second = deps.db
      .transaction((tx) => productRepo.insertMany(tx, [buildProduct(now, { code: 'RACE-1', name: '乙' })]))
      .catch(rethrowUniqueViolation);
    await expect(second).rejects.toMatchObject({ name: 'AppError', code: 'PRODUCT_CODE_TAKEN' });
    await expect(Promise.reject(new Error('other')).catch(rethrowUniqueViolation)).rejects.toThrow('other');
  });
});
