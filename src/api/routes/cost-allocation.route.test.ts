import { and, eq, sql } from 'drizzle-orm';
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
import { newId } from '../../app/new-id';
import { rowsOf } from '../../db/client';
import { compensationLedgerRepo, type LedgerStage } from '../../db/repos/compensation-ledger.repo';
import { costAllocations } from '../../db/schema/compensation.table';
import { auditLog } from '../../db/schema/platform.table';
import type { Department } from '../../domain/departments/department';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let qa: Session;
let finance: Session;
let gm: Session;
let agent: Session;
let PROD: Department;

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  PROD = await createDepartmentFx(deps, 'PROD');
  await createUserFx(deps, 'ca.qa', ['quality_engineer']);
  await createUserFx(deps, 'ca.finance', ['finance']);
  await createUserFx(deps, 'ca.gm', ['general_manager']);
  await createUserFx(deps, 'ca.agent', ['agent'], [PROD]);
  qa = await loginFx(app, 'ca.qa');
  finance = await loginFx(app, 'ca.finance');
  gm = await loginFx(app, 'ca.gm');
  agent = await loginFx(app, 'ca.agent');
});
afterAll(async () => close());

/** A snack complaint as seed 002 describes them, classified by a person (R-CLS-1..6). */
const snackComplaint = (overrides: Parameters<typeof insertComplaintRowFx>[1] = {}) =>
  insertComplaintRowFx(deps, {
    status: 'resolved',
    customerName: '王女士',
    productName: '旺旺雪饼 520g',
    productCode: 'XB-520G',
    batchNo: '20260301A',
    description: '打开雪饼包装后发现里面有一根头发，要求退款并道歉。',
    nature: 'foreign_matter',
    severity: 'major',
    ...overrides,
  });

const ledger = async (complaintId: string, entries: [LedgerStage, number][]) =>
  deps.db.transaction((tx) =>
    compensationLedgerRepo.append(
      tx,
      entries.map(([stage, amountFen]) => ({
        id: newId(),
        complaintId,
        proposalId: null,
        taskId: null,
        customerId: null,
        productId: null,
        stage,
        kind: 'refund',
        amountFen,
        month: '2026-03',
        occurredAt: new Date('2026-03-02T02:00:00Z'),
      })),
    ),
  );

const put = (s: Session, complaintId: string, payload: unknown) =>
  app.inject({
    method: 'PUT',
    url: `/api/v1/complaints/${complaintId}/cost-allocation`,
    headers: s.headers,
    payload: payload as never,
  });

const get = (s: Session, url: string) => app.inject({ method: 'GET', url, headers: s.headers });

const rowsFor = (complaintId: string) =>
  deps.db.reader().select().from(costAllocations).where(eq(costAllocations.complaintId, complaintId));

const countersNow = async () =>
  rowsOf<{ kind: string; year: number; last: number }>(
    deps.db.reader(),
    sql`select kind, year, last from document_counters order by kind, year`,
  );

const SPLIT_60_40 = {
  totalFen: 10_001,
  shares: [
    { partyKind: 'production_department', partyName: '二车间', departmentId: null, shareBp: 6_000 },
    { partyKind: 'supplier', partyName: '甲包材供应商', shareBp: 4_000, reason: '封口膜批次不良' },
  ],
};

describe('GET /api/v1/complaints/:id/cost-allocation — suggestion (R-RES-8)', () => {
  it.each<[string, Parameters<typeof insertComplaintRowFx>[1], string, string[]]>([
    ['foreign matter → production', { nature: 'foreign_matter' }, 'production_department', ['R-RES-8']],
    [
      'spoilage in transport → logistics',
      { nature: 'spoilage', classification: { responsibilityStage: 'logistics', misuse: false, rules: [] } },
      'logistics',
      ['R-CLS-5', 'R-RES-8'],
    ],
    [
      'improper storage at the retailer → retailer',
      {
        nature: 'spoilage',
        classification: { responsibilityStage: 'retailer_storage', misuse: false, rules: [] },
      },
      'retailer',
      ['R-CLS-5', 'R-RES-8'],
    ],
    [
      'customer misuse → customer at market price',
      { nature: 'function', classification: { responsibilityStage: 'unknown', misuse: true, rules: [] } },
      'customer',
      ['R-CLS-6', 'R-RES-8', 'R-WAR-4'],
    ],
    ['no matching row → company absorbs', { nature: 'appearance' }, 'company', ['R-RES-8']],
  ])('should suggest %s', async (_name, overrides, partyKind, rules) => {
    const c = await snackComplaint(overrides);
    const res = await get(qa, `/api/v1/complaints/${c.id}/cost-allocation`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      complaintId: c.id,
      complaintNumber: c.number,
      totalFen: 0,
      allocations: [],
    });
    expect(body.suggestion.partyKind).toBe(partyKind);
    expect(body.suggestion.rules.map((r: { rule: string }) => r.rule)).toEqual(rules);
  });

  it('should sharpen the suggestion with an established cause (R-RES-8: bad seal → production)', async () => {
    const c = await snackComplaint({ nature: 'appearance' });
    const res = await get(qa, `/api/v1/complaints/${c.id}/cost-allocation?cause=bad_seal`);
    expect(res.json().suggestion).toMatchObject({ partyKind: 'production_department', basis: 'cause' });
  });

  it('should answer 404 COMPLAINT_NOT_FOUND for an unknown complaint and 403 without compensation.allocate', async () => {
    const res = await get(qa, `/api/v1/complaints/${newId()}/cost-allocation`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('COMPLAINT_NOT_FOUND');
    const c = await snackComplaint();
    for (const s of [gm, agent]) {
      const r = await get(s, `/api/v1/complaints/${c.id}/cost-allocation`);
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('FORBIDDEN');
    }
  });
});

describe('PUT /api/v1/complaints/:id/cost-allocation (R-RES-8)', () => {
  it('should split the total exactly by the largest remainder and number the forms the parties need', async () => {
    const c = await snackComplaint();
    const before = await countersNow();
    const last = (kind: string) => before.find((r) => r.kind === kind && r.year === 2026)?.last ?? 0;
    const res = await put(qa, c.id, SPLIT_60_40);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.totalFen).toBe(10_001);
    const [prod, supplier] = body.allocations;
    const zy = (n: number) => `ZY-2026-${String(n).padStart(6, '0')}`;
    const kk = (n: number) => `KK-2026-${String(n).padStart(6, '0')}`;
    expect(prod).toMatchObject({
      partyKind: 'production_department',
      shareBp: 6_000,
      amountFen: 6_001,
      transferFormNo: zy(last('cost_transfer') + 1),
      deductionNoticeNo: null,
      documents: { transferForm: true, deductionNotice: false, customerCharge: false },
      forms: { transfer: `/api/v1/cost-allocations/${prod.id}/form?type=transfer`, deduction: null },
    });
    expect(prod.rule).toContain('R-RES-8');
    expect(supplier).toMatchObject({
      partyKind: 'supplier',
      amountFen: 4_000,
      rule: '封口膜批次不良',
      transferFormNo: zy(last('cost_transfer') + 2),
      deductionNoticeNo: kk(last('deduction_notice') + 1),
    });
    expect(body.suggestion.partyKind).toBe('production_department');
    expect(await rowsFor(c.id)).toHaveLength(2);

    const audit = await deps.db
      .reader()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'complaint.cost_allocated')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toBeNull();
    expect(audit[0]!.after).toMatchObject({ totalFen: 10_001 });
  });

  it('should issue no transfer form or deduction notice for the customer (R-WAR-4) or the company', async () => {
    const c = await snackComplaint({ nature: 'misuse' });
    const res = await put(finance, c.id, {
      totalFen: 50_000,
      shares: [
        { partyKind: 'customer', partyName: '王女士', shareBp: 7_000 },
        { partyKind: 'company', partyName: '本公司', shareBp: 3_000 },
      ],
    });
    expect(res.statusCode).toBe(200);
    for (const a of res.json().allocations) {
      expect(a.transferFormNo).toBeNull();
      expect(a.deductionNoticeNo).toBeNull();
    }
    expect(res.json().allocations[0].documents.customerCharge).toBe(true);
    expect(res.json().allocations[0].rule).toContain('R-WAR-4');
  });

  it('should give every external party, and only them, a deduction notice 扣款通知单', async () => {
    const c = await snackComplaint();
    const res = await put(qa, c.id, {
      totalFen: 60_000,
      shares: [
        { partyKind: 'production_department', partyName: '一车间', shareBp: 2_000 },
        { partyKind: 'supplier', partyName: '乙供应商', shareBp: 2_000 },
        { partyKind: 'logistics', partyName: '顺丰速运', shareBp: 2_000 },
        { partyKind: 'retailer', partyName: '华联超市', shareBp: 2_000 },
        { partyKind: 'company', partyName: '本公司', shareBp: 2_000 },
      ],
    });
    expect(res.statusCode).toBe(200);
    const withNotice = res
      .json()
      .allocations.filter((a: { deductionNoticeNo: string | null }) => a.deductionNoticeNo !== null)
      .map((a: { partyKind: string }) => a.partyKind)
      .sort();
    expect(withNotice).toEqual(['logistics', 'retailer', 'supplier']);
  });

  it('should default the total to the agreed or paid compensation in the ledger, not their sum', async () => {
    const c = await snackComplaint();
    await ledger(c.id, [
      ['proposed', 30_000],
      ['approved', 30_000],
      ['agreed', 30_000],
      ['paid', 20_000],
      ['paid', 10_000],
    ]);
    const res = await put(qa, c.id, {
      shares: [{ partyKind: 'production_department', partyName: '二车间', shareBp: 10_000 }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      totalFen: 30_000,
      ledger: { agreedFen: 30_000, paidFen: 30_000 },
    });
  });

  it('should answer 422 COST_TOTAL_REQUIRED without a total when the ledger has nothing agreed or paid', async () => {
    const c = await snackComplaint();
    const res = await put(qa, c.id, {
      shares: [{ partyKind: 'company', partyName: '本公司', shareBp: 10_000 }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('COST_TOTAL_REQUIRED');
    expect(await rowsFor(c.id)).toHaveLength(0);
  });

  it('should refuse shares that do not add up to 10 000 bp with 422 COST_SHARES_INVALID, writing nothing (R-RES-8)', async () => {
    const c = await snackComplaint();
    const counters = await countersNow();
    for (const bps of [
      [6_000, 3_999],
      [6_000, 4_001],
    ]) {
      const res = await put(qa, c.id, {
        totalFen: 10_000,
        shares: [
          { partyKind: 'production_department', partyName: '二车间', shareBp: bps[0] },
          { partyKind: 'supplier', partyName: '甲包材供应商', shareBp: bps[1] },
        ],
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'COST_SHARES_INVALID',
        details: { problem: 'sum_not_10000', sumBp: bps[0]! + bps[1]! },
      });
    }
    const dup = await put(qa, c.id, {
      totalFen: 10_000,
      shares: [
        { partyKind: 'supplier', partyName: '甲包材供应商', shareBp: 5_000 },
        { partyKind: 'supplier', partyName: '甲包材供应商', shareBp: 5_000 },
      ],
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.details.problem).toBe('duplicate_party');
    expect(await rowsFor(c.id)).toHaveLength(0);
    expect(await countersNow()).toEqual(counters);
  });

  it('should answer 4xx for bad input and write nothing', async () => {
    const c = await snackComplaint();
    const counters = await countersNow();
    const cases: [unknown, number, string][] = [
      [{ totalFen: 100, shares: [] }, 400, 'VALIDATION_FAILED'],
      [
        { totalFen: 100, shares: [{ partyKind: 'company', partyName: '本公司', shareBp: 0 }] },
        400,
        'VALIDATION_FAILED',
      ],
      [
        { totalFen: -1, shares: [{ partyKind: 'company', partyName: '本公司', shareBp: 10_000 }] },
        400,
        'VALIDATION_FAILED',
      ],
      [
        { totalFen: 1.5, shares: [{ partyKind: 'company', partyName: '本公司', shareBp: 10_000 }] },
        400,
        'VALIDATION_FAILED',
      ],
      [
        { totalFen: 100, shares: [{ partyKind: 'alien', partyName: 'x', shareBp: 10_000 }] },
        400,
        'VALIDATION_FAILED',
      ],
      [
        { totalFen: 100, shares: [{ partyKind: 'company', partyName: '  ', shareBp: 10_000 }] },
        400,
        'VALIDATION_FAILED',
      ],
      [
        {
          totalFen: 100,
          shares: [
            {
              partyKind: 'production_department',
              partyName: '二车间',
              departmentId: newId(),
              shareBp: 10_000,
            },
          ],
        },
        404,
        'DEPARTMENT_NOT_FOUND',
      ],
    ];
    for (const [payload, status, code] of cases) {
      const res = await put(qa, c.id, payload);
      expect({ payload, status: res.statusCode, code: res.json().error.code }).toEqual({
        payload,
        status,
        code,
      });
    }
    const unknown = await put(qa, newId(), SPLIT_60_40);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('COMPLAINT_NOT_FOUND');
    const forbidden = await put(gm, c.id, SPLIT_60_40);
    expect(forbidden.statusCode).toBe(403);
    expect(await rowsFor(c.id)).toHaveLength(0);
    expect(await countersNow()).toEqual(counters);
  });

  it('should accept a department of the company for an internal party', async () => {
    const c = await snackComplaint();
    const res = await put(qa, c.id, {
      totalFen: 1_000,
      shares: [
        { partyKind: 'production_department', partyName: PROD.name, departmentId: PROD.id, shareBp: 10_000 },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().allocations[0].departmentId).toBe(PROD.id);
  });

  it('should number forms gaplessly across complaints, keep the numbers of unchanged shares and reissue changed ones', async () => {
    const a = await snackComplaint();
    const b = await snackComplaint();
    const first = (await put(qa, a.id, SPLIT_60_40)).json().allocations;
    const second = (await put(qa, b.id, SPLIT_60_40)).json().allocations;
    const seq = (no: string) => Number(no.slice(-6));
    expect(seq(second[0].transferFormNo)).toBe(seq(first[1].transferFormNo) + 1);
    expect(seq(second[1].deductionNoticeNo)).toBe(seq(first[1].deductionNoticeNo) + 1);

    // The same request again changes nothing and burns no number.
    const again = (await put(qa, a.id, SPLIT_60_40)).json().allocations;
    expect(again).toEqual(first);

    // Changing the split reissues the changed documents with the next numbers; the old rows are replaced.
    const changed = (
      await put(qa, a.id, {
        totalFen: 10_001,
        shares: [
          { partyKind: 'production_department', partyName: '二车间', shareBp: 5_000 },
          { partyKind: 'supplier', partyName: '甲包材供应商', shareBp: 5_000, reason: '封口膜批次不良' },
        ],
      })
    ).json().allocations;
    expect(changed.map((x: { transferFormNo: string }) => seq(x.transferFormNo))).toEqual([
      seq(second[1].transferFormNo) + 1,
      seq(second[1].transferFormNo) + 2,
    ]);
    expect(await rowsFor(a.id)).toHaveLength(2);
    const audits = await deps.db
      .reader()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, a.id), eq(auditLog.action, 'complaint.cost_allocated')));
    expect(audits).toHaveLength(2);
    expect(audits[1]!.before).toMatchObject({
      allocations: [{ transferFormNo: first[0].transferFormNo }, {}],
    });
  });
});

describe('gapless form numbers under concurrency (R-RES-8)', () => {
  it('should hand out distinct, consecutive numbers when allocations are saved at the same time', async () => {
    const cs = await Promise.all(Array.from({ length: 6 }, () => snackComplaint()));
    const results = await Promise.all(cs.map((c) => put(qa, c.id, SPLIT_60_40)));
    expect(results.map((r) => r.statusCode)).toEqual(cs.map(() => 200));
    const numbers = (field: 'transferFormNo' | 'deductionNoticeNo') =>
      results
        .flatMap((r) => r.json().allocations.map((a: Record<string, string | null>) => a[field]))
        .filter((n): n is string => n !== null)
        .map((n) => Number(n.slice(-6)))
        .sort((a, b) => a - b);
    for (const [field, count] of [
      ['transferFormNo', 12],
      ['deductionNoticeNo', 6],
    ] as const) {
      const ns = numbers(field);
      expect(ns).toHaveLength(count);
      expect(ns).toEqual(ns.map((_, i) => ns[0]! + i));
    }
  });
});

describe('GET /api/v1/cost-allocations/:id/form (R-RES-8, R-RPT-3)', () => {
  let allocations: {
    id: string;
    partyKind: string;
    transferFormNo: string;
    deductionNoticeNo: string | null;
  }[];
  let complaintNumber: string;

  beforeAll(async () => {
    const c = await snackComplaint({ description: '包装内有异物 <script>alert(1)</script>' });
    complaintNumber = c.number;
    const res = await put(qa, c.id, {
      totalFen: 123_456,
      shares: [
        { partyKind: 'production_department', partyName: '二车间', shareBp: 5_000 },
        { partyKind: 'supplier', partyName: '甲&乙 <供应商>', shareBp: 5_000, reason: '"封口" 不良' },
      ],
    });
    allocations = res.json().allocations;
  });

  it('should print the cost-transfer form 质量事故费用转移单 in Chinese with English subtitles', async () => {
    const prod = allocations.find((a) => a.partyKind === 'production_department')!;
    const res = await get(finance, `/api/v1/cost-allocations/${prod.id}/form?type=transfer`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body;
    expect(html).toContain('质量事故费用转移单');
    expect(html).toContain('Quality Incident Cost-Transfer Form');
    expect(html).toContain(prod.transferFormNo);
    expect(html).toContain(complaintNumber);
    expect(html).toContain('旺旺雪饼 520g');
    expect(html).toContain('20260301A');
    expect(html).toContain('617.28 元');
    expect(html).toContain('人民币陆佰壹拾柒元贰角捌分');
    expect(html).toContain('50.00 %');
    expect(html).toContain('日期 Date: 2026-03-02');
    expect(html).toContain('签字 Signature');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('should print the deduction notice 扣款通知单 for an external party, escaping its text', async () => {
    const supplier = allocations.find((a) => a.partyKind === 'supplier')!;
    const res = await get(finance, `/api/v1/cost-allocations/${supplier.id}/form?type=deduction`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('扣款通知单');
    expect(res.body).toContain('Deduction Notice');
    expect(res.body).toContain(supplier.deductionNoticeNo!);
    expect(res.body).toContain('甲&amp;乙 &lt;供应商&gt;');
    expect(res.body).toContain('&quot;封口&quot; 不良');
    expect(res.body).not.toContain('<供应商>');
  });

  it('should answer 404 COST_FORM_NOT_AVAILABLE when the party gets no such form', async () => {
    const prod = allocations.find((a) => a.partyKind === 'production_department')!;
    const res = await get(finance, `/api/v1/cost-allocations/${prod.id}/form?type=deduction`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('COST_FORM_NOT_AVAILABLE');
  });

  it('should answer 404 COST_ALLOCATION_NOT_FOUND for an unknown allocation and 400 without a type', async () => {
    const res = await get(finance, `/api/v1/cost-allocations/${newId()}/form?type=transfer`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('COST_ALLOCATION_NOT_FOUND');
    const bad = await get(finance, `/api/v1/cost-allocations/${allocations[0]!.id}/form`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('form numbers per year (R-RES-8, Asia/Shanghai)', () => {
  it('should restart the numbering in a new Shanghai year, while 23:59 on 31 December still counts to the old one', async () => {
    const c1 = await snackComplaint();
    deps.clock.set(new Date('2026-12-31T15:59:00Z')); // 23:59 in Shanghai
    qa = await loginFx(app, 'ca.qa');
    const late = (await put(qa, c1.id, SPLIT_60_40)).json().allocations;
    expect(late[0].transferFormNo).toMatch(/^ZY-2026-\d{6}$/);

    const c2 = await snackComplaint();
    deps.clock.set(new Date('2026-12-31T16:00:00Z')); // 00:00 on 1 January 2027 in Shanghai
    qa = await loginFx(app, 'ca.qa');
    const next = (await put(qa, c2.id, SPLIT_60_40)).json().allocations;
    expect(next.map((a: { transferFormNo: string }) => a.transferFormNo)).toEqual([
      'ZY-2027-000001',
      'ZY-2027-000002',
    ]);
    expect(next[1].deductionNoticeNo).toBe('KK-2027-000001');
  });
});
