import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertComplaintRowFx } from '../../../test/factories/complaint-row.factory';
import {
  createDepartmentFx,
  createUserFx,
  loginFx,
  type Session,
} from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { exportLedgerXlsx } from '../../app/compensation/export-ledger-xlsx';
import { queryLedger, type LedgerGrouping } from '../../app/compensation/query-ledger';
import { systemContext, type UseCaseContext } from '../../app/context';
import { newId } from '../../app/new-id';
import { createCustomer } from '../../app/reference/create-customer';
import { createProduct } from '../../app/reference/manage-products';
import {
  compensationLedgerRepo,
  type LedgerEntryInput,
  type LedgerStage,
} from '../../db/repos/compensation-ledger.repo';
import type { Department } from '../../domain/departments/department';
import type { UserActor } from '../../domain/identity/actor';
import type { DepartmentId, UserId } from '../../domain/shared/brand';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let finance: Session;
let gm: Session;
let qa: Session;
let agent: Session;
let EAST: Department;
let WEST: Department;

/** Every entry the test booked, to compute the expected sums independently of the SQL. */
const booked: (LedgerEntryInput & { departmentId: string })[] = [];
const complaintIds: Record<string, string> = {};
const complaintNumbers: Record<string, string> = {};
let wangId: string;
let snackId: string;

const GROUPINGS: LedgerGrouping[] = ['complaint', 'customer', 'product', 'party', 'month'];
const STAGES: LedgerStage[] = ['proposed', 'approved', 'agreed', 'paid'];
const FIELD = {
  proposed: 'proposedFen',
  approved: 'approvedFen',
  agreed: 'agreedFen',
  paid: 'paidFen',
} as const;

const book = async (name: string, stage: LedgerStage, amountFen: number, month: string, kind = 'refund') => {
  const complaintId = complaintIds[name]!;
  const c = complaints.find((x) => x.name === name)!;
  const entry = {
    id: newId(),
    complaintId,
    proposalId: null,
    taskId: null,
    customerId: c.customerId,
    productId: c.productId,
    stage,
    kind,
    amountFen,
    month,
    occurredAt: new Date(`${month}-10T02:00:00Z`),
  };
  await deps.db.transaction((tx) => compensationLedgerRepo.append(tx, [entry]));
  booked.push({ ...entry, departmentId: c.departmentId });
};

const complaints: {
  name: string;
  departmentId: string;
  customerId: string | null;
  productId: string | null;
}[] = [];

const sumOf = (stage: LedgerStage, pred: (e: (typeof booked)[number]) => boolean = () => true) =>
  booked.filter((e) => e.stage === stage && pred(e)).reduce((a, e) => a + e.amountFen, 0);

const inRange = (from?: string, to?: string) => (e: { month: string }) =>
  (!from || e.month >= from) && (!to || e.month <= to);

const getLedger = (s: Session, query: string) =>
  app.inject({ method: 'GET', url: `/api/v1/compensation/ledger${query}`, headers: s.headers });

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  const HQ = await createDepartmentFx(deps, 'HQ');
  EAST = await createDepartmentFx(deps, 'SALES-EAST', HQ);
  WEST = await createDepartmentFx(deps, 'SALES-WEST', HQ);
  await createUserFx(deps, 'l.finance', ['finance']);
  await createUserFx(deps, 'l.gm', ['general_manager']);
  await createUserFx(deps, 'l.qa', ['quality_engineer']);
  await createUserFx(deps, 'l.agent', ['agent'], [EAST]);
  finance = await loginFx(app, 'l.finance');
  gm = await loginFx(app, 'l.gm');
  qa = await loginFx(app, 'l.qa');
  agent = await loginFx(app, 'l.agent');

  const sys = systemContext('test');
  const wang = await createCustomer(deps, sys, { name: '王女士', phone: '13812345678', type: 'consumer' });
  const li = await createCustomer(deps, sys, { name: '李先生', phone: '13900001111', type: 'consumer' });
  const snack = await createProduct(deps, sys, { code: 'XB-520G', name: '旺旺雪饼 520g', priceFen: 1_500 });
  const heater = await createProduct(deps, sys, { code: 'WH-60', name: '电热水器 60L', priceFen: 159_900 });
  wangId = wang.id;
  snackId = snack.id;

  // Realistic complaints: foreign matter in a snack, a leaking heater, a crushed parcel, a product without archive.
  const specs = [
    {
      name: 'hair',
      dept: EAST,
      customer: wang,
      product: snack,
      nature: 'foreign_matter',
      desc: '雪饼里有头发',
    },
    {
      name: 'leak',
      dept: WEST,
      customer: li,
      product: heater,
      nature: 'function',
      desc: '热水器漏水，地板泡坏',
    },
    {
      name: 'crushed',
      dept: EAST,
      customer: wang,
      product: heater,
      nature: 'appearance',
      desc: '外壳运输压坏',
    },
    {
      name: 'walkin',
      dept: WEST,
      customer: null,
      product: null,
      nature: 'spoilage',
      desc: '门店顾客称饼干变质',
    },
  ] as const;
  for (const s of specs) {
    const row = await insertComplaintRowFx(deps, {
      status: 'resolved',
      departmentId: s.dept.id,
      customerId: s.customer?.id ?? null,
      customerName: s.customer?.name ?? '门店顾客',
      productId: s.product?.id ?? null,
      productName: s.product?.name ?? '饼干（散装）',
      nature: s.nature,
      description: s.desc,
    });
    complaintIds[s.name] = row.id;
    complaintNumbers[s.name] = row.number;
    complaints.push({
      name: s.name,
      departmentId: s.dept.id,
      customerId: s.customer?.id ?? null,
      productId: s.product?.id ?? null,
    });
  }

  // Proposal → approval → agreement → payment, with a superseded proposal reversed, across months.
  await book('hair', 'proposed', 4_500, '2026-01');
  await book('hair', 'proposed', -4_500, '2026-01');
  await book('hair', 'proposed', 7_500, '2026-01');
  await book('hair', 'approved', 7_500, '2026-01');
  await book('hair', 'agreed', 7_500, '2026-02');
  await book('hair', 'paid', 7_500, '2026-02');
  await book('leak', 'proposed', 159_900, '2026-02', 'replacement');
  await book('leak', 'approved', 159_900, '2026-02', 'replacement');
  await book('leak', 'agreed', 159_900, '2026-03', 'replacement');
  await book('leak', 'paid', 100_001, '2026-03', 'replacement');
  await book('leak', 'paid', 59_899, '2026-04', 'cash');
  await book('crushed', 'proposed', 20_000, '2026-03', 'repair');
  await book('crushed', 'agreed', 20_000, '2026-03', 'repair');
  await book('crushed', 'paid', 20_000, '2026-03', 'repair');
  await book('crushed', 'paid', -3_333, '2026-04', 'repair');
  await book('walkin', 'agreed', 3_000, '2026-04', 'company_products');
  await book('walkin', 'paid', 3_000, '2026-04', 'company_products');

  // Cost allocations (R-RES-8): the heater leak is shared between production and a supplier; the crushed parcel is
  // the logistics company's; the others are not allocated yet.
  const allocate = async (name: string, payload: unknown) => {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/complaints/${complaintIds[name]}/cost-allocation`,
      headers: qa.headers,
      payload: payload as never,
    });
    if (res.statusCode !== 200) throw new Error(res.body);
  };
  await allocate('leak', {
    shares: [
      { partyKind: 'production_department', partyName: '总装车间', shareBp: 7_000 },
      { partyKind: 'supplier', partyName: '温控器供应商', shareBp: 3_000 },
    ],
  });
  await allocate('crushed', {
    shares: [{ partyKind: 'logistics', partyName: '顺丰速运', shareBp: 10_000 }],
  });
});
afterAll(async () => close());

describe('GET /api/v1/compensation/ledger — sums (issue 5)', () => {
  it.each(GROUPINGS)(
    'should make the %s totals equal the sum of the ledger entries, stage by stage',
    async (groupBy) => {
      const res = await getLedger(finance, `?groupBy=${groupBy}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.groupBy).toBe(groupBy);
      for (const stage of STAGES) {
        const f = FIELD[stage];
        expect({ stage, total: body.totals[f] }).toEqual({ stage, total: sumOf(stage) });
        expect({
          stage,
          rows: body.rows.reduce((a: number, r: Record<string, number>) => a + r[f]!, 0),
        }).toEqual({
          stage,
          rows: sumOf(stage),
        });
      }
    },
  );

  it.each(GROUPINGS)(
    'should keep %s totals equal to the paid entries within a month range',
    async (groupBy) => {
      const body = (await getLedger(finance, `?groupBy=${groupBy}&from=2026-02&to=2026-03`)).json();
      expect(body).toMatchObject({ from: '2026-02', to: '2026-03' });
      expect(body.totals.paidFen).toBe(sumOf('paid', inRange('2026-02', '2026-03')));
      expect(body.totals.agreedFen).toBe(sumOf('agreed', inRange('2026-02', '2026-03')));
      expect(body.rows.reduce((a: number, r: { paidFen: number }) => a + r.paidFen, 0)).toBe(
        body.totals.paidFen,
      );
    },
  );

  it('should sum each complaint, customer, product and month to its own paid entries', async () => {
    const rowsBy = async (groupBy: string) =>
      new Map(
        (
          (await getLedger(finance, `?groupBy=${groupBy}`)).json().rows as {
            key: string;
            paidFen: number;
            label: string;
          }[]
        ).map((r) => [r.key, r]),
      );
    const byComplaint = await rowsBy('complaint');
    for (const c of complaints) {
      expect(byComplaint.get(complaintIds[c.name]!)).toMatchObject({
        label: complaintNumbers[c.name],
        paidFen: sumOf('paid', (e) => e.complaintId === complaintIds[c.name]),
      });
    }
    const byCustomer = await rowsBy('customer');
    expect(byCustomer.get(wangId)).toMatchObject({ label: '王女士', paidFen: 7_500 + 20_000 - 3_333 });
    expect(byCustomer.get('')).toMatchObject({ label: '（未关联顾客档案）', paidFen: 3_000 });
    const byProduct = await rowsBy('product');
    expect(byProduct.get(snackId)).toMatchObject({ label: '旺旺雪饼 520g', paidFen: 7_500 });
    const byMonth = (await getLedger(finance, '?groupBy=month')).json().rows;
    expect(byMonth.map((r: { key: string }) => r.key)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    for (const r of byMonth) expect(r.paidFen).toBe(sumOf('paid', (e) => e.month === r.key));
  });

  it('should split paid amounts by the cost allocation shares, and keep the rest with the company as 未分摊 (R-RES-8)', async () => {
    const rows = (await getLedger(finance, '?groupBy=party')).json().rows as {
      key: string;
      label: string;
      paidFen: number;
      agreedFen: number;
    }[];
    const by = new Map(rows.map((r) => [r.key, r]));
    // 159 900 fen paid on the leak: 70 % / 30 %, to the fen.
    expect(by.get('production_department:总装车间')).toMatchObject({ paidFen: 111_930, agreedFen: 111_930 });
    expect(by.get('supplier:温控器供应商')).toMatchObject({ paidFen: 47_970, agreedFen: 47_970 });
    expect(by.get('logistics:顺丰速运')).toMatchObject({ paidFen: 20_000 - 3_333 });
    expect(by.get('company:未分摊')).toMatchObject({ label: '未分摊', paidFen: 7_500 + 3_000 });
    expect(rows[0]!.key).toBe('production_department:总装车间');
  });

  it('should show a department-scoped caller only the complaints of its departments (R-SEC-1)', async () => {
    const user = await createUserFx(deps, 'l.east.controller', ['agent'], [EAST]);
    // No built-in role holds compensation.ledger at department scope, so the actor is built with such a grant.
    const actor: UserActor = {
      kind: 'user',
      userId: user.id as UserId,
      username: user.username,
      displayName: user.displayName,
      roles: ['agent'],
      grants: new Map([['compensation.ledger', 'department']]),
      departmentIds: [EAST.id as DepartmentId],
      scopeDepartmentIds: [EAST.id as DepartmentId],
      via: { kind: 'session', sessionId: 'test' },
      mustChangePassword: false,
    };
    const ctx: UseCaseContext = { actor, requestId: null };
    const east = (e: { departmentId: string }) => e.departmentId === EAST.id;
    for (const groupBy of GROUPINGS) {
      const report = await queryLedger(deps, ctx, { groupBy });
      for (const stage of STAGES) expect(report.totals[FIELD[stage]]).toBe(sumOf(stage, east));
    }
    const keys = (await queryLedger(deps, ctx, { groupBy: 'complaint' })).rows.map((r) => r.key).sort();
    expect(keys).toEqual([complaintIds.hair, complaintIds.crushed].sort());
    const file = await exportLedgerXlsx(deps, ctx, { groupBy: 'complaint' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.content as never);
    expect(wb.getWorksheet('补偿台账')!.rowCount).toBe(1 + 2 + 1);

    // A company-wide role sees every complaint.
    const all = (await getLedger(gm, '?groupBy=complaint')).json();
    expect(all.rows).toHaveLength(4);
    expect(all.totals.paidFen).toBe(sumOf('paid'));
  });

  it('should refuse bad queries with 400 and callers without compensation.ledger with 403', async () => {
    for (const q of [
      '?groupBy=region',
      '?from=2026-13',
      '?to=202603',
      '?from=2026-04&to=2026-01',
      '?extra=1',
    ]) {
      const res = await getLedger(finance, q);
      expect({ q, status: res.statusCode, code: res.json().error.code }).toEqual({
        q,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    for (const s of [agent, qa]) {
      const res = await getLedger(s, '?groupBy=month');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });
});

describe('GET /api/v1/compensation/ledger.xlsx (issue 5)', () => {
  const download = (s: Session, query: string) =>
    app.inject({ method: 'GET', url: `/api/v1/compensation/ledger.xlsx${query}`, headers: s.headers });

  const read = async (body: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as never);
    const sheet = wb.getWorksheet('补偿台账')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };
  const fen = (yuan: unknown) => Math.round(Number(yuan) * 100);

  it.each<[LedgerGrouping, string]>([
    ['complaint', '投诉单号'],
    ['customer', '客户'],
    ['product', '产品'],
    ['party', '责任方'],
    ['month', '月份'],
  ])(
    'should export a readable workbook by %s with Chinese headers and the same totals',
    async (groupBy, header) => {
      const res = await download(finance, `?groupBy=${groupBy}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename=/);
      const rows = await read(res.rawPayload);
      expect(rows[0]).toEqual([header, '拟补偿(元)', '已审批(元)', '已约定(元)', '已支付(元)']);
      const json = (await getLedger(finance, `?groupBy=${groupBy}`)).json();
      expect(rows).toHaveLength(1 + json.rows.length + 1);
      const totalRow = rows[rows.length - 1]!;
      expect(totalRow[0]).toBe('合计');
      expect(totalRow.slice(1).map(fen)).toEqual([
        sumOf('proposed'),
        sumOf('approved'),
        sumOf('agreed'),
        sumOf('paid'),
      ]);
      const body = rows.slice(1, -1);
      expect(body.reduce((a, r) => a + fen(r[4]), 0)).toBe(sumOf('paid'));
      expect(body.map((r) => r[0])).toEqual(json.rows.map((r: { label: string }) => r.label));
    },
  );

  it('should export only the months asked for, and refuse bad queries and other roles', async () => {
    const rows = await read((await download(finance, '?groupBy=month&from=2026-03&to=2026-03')).rawPayload);
    expect(rows.map((r) => r[0])).toEqual(['月份', '2026-03', '合计']);
    expect(fen(rows[2]![4])).toBe(sumOf('paid', inRange('2026-03', '2026-03')));
    expect((await download(finance, '?groupBy=nope')).statusCode).toBe(400);
    expect((await download(agent, '?groupBy=month')).statusCode).toBe(403);
  });
});

describe('customer archive compensation from the ledger (R-RES-6)', () => {
  it("should take the paid amounts from the ledger's paid entries and list the compensation history", async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/customers/${wangId}/archive`,
      headers: finance.headers,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const paid = (name: string) => sumOf('paid', (e) => e.complaintId === complaintIds[name]);
    expect(body.stats.compensationPaidFen).toBe(paid('hair') + paid('crushed'));
    const items = new Map(
      (body.complaints.items as { id: string; compensationPaidFen: number }[]).map((i) => [i.id, i]),
    );
    expect(items.get(complaintIds.hair!)?.compensationPaidFen).toBe(7_500);
    expect(items.get(complaintIds.crushed!)?.compensationPaidFen).toBe(20_000 - 3_333);
    expect(body.compensationHistory).toEqual([
      {
        complaintId: complaintIds.crushed,
        number: complaintNumbers.crushed,
        receivedAt: expect.any(String),
        agreedFen: 20_000,
        paidFen: 16_667,
        lastPaidAt: '2026-04-10T02:00:00.000Z',
      },
      {
        complaintId: complaintIds.hair,
        number: complaintNumbers.hair,
        receivedAt: expect.any(String),
        agreedFen: 7_500,
        paidFen: 7_500,
        lastPaidAt: '2026-02-10T02:00:00.000Z',
      },
    ]);
  });

  it("should prefer the ledger's paid entries to the complaint's own record, which stays the fallback", async () => {
    const legacy = await insertComplaintRowFx(deps, {
      status: 'closed',
      customerId: wangId,
      customerName: '王女士',
      resolution: { summary: '已退款', paidFen: 99_999 },
    });
    const both = await insertComplaintRowFx(deps, {
      status: 'closed',
      customerId: wangId,
      customerName: '王女士',
      resolution: { summary: '已退款', paidFen: 5_000 },
    });
    await deps.db.transaction((tx) =>
      compensationLedgerRepo.append(tx, [
        {
          id: newId(),
          complaintId: both.id,
          proposalId: null,
          taskId: null,
          customerId: wangId,
          productId: null,
          stage: 'paid',
          kind: 'refund',
          amountFen: 1_234,
          month: '2026-04',
          occurredAt: new Date('2026-04-20T02:00:00Z'),
        },
      ]),
    );
    const body = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/customers/${wangId}/archive`,
        headers: finance.headers,
      })
    ).json();
    const items = new Map(
      (body.complaints.items as { id: string; compensationPaidFen: number }[]).map((i) => [i.id, i]),
    );
    expect(items.get(legacy.id)?.compensationPaidFen).toBe(99_999);
    expect(items.get(both.id)?.compensationPaidFen).toBe(1_234);
    expect(body.stats.compensationPaidFen).toBe(7_500 + 16_667 + 99_999 + 1_234);
    expect(body.compensationHistory.map((h: { complaintId: string }) => h.complaintId)).toEqual([
      both.id,
      complaintIds.crushed,
      complaintIds.hair,
    ]);
  });
});
