import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertComplaintRowFx } from '../../../test/factories/complaint-row.factory';
import { createUserFx, loginFx, type Session } from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import type { Role } from '../../domain/identity/roles';
import { rowsOf } from '../../db/client';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
const as = new Map<Role, Session>();

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  const roles: Role[] = [
    'agent',
    'quality_engineer',
    'finance',
    'supervisor',
    'service_manager',
    'general_manager',
  ];
  for (const role of roles) {
    await createUserFx(deps, `c.${role}`, [role]);
    as.set(role, await loginFx(app, `c.${role}`));
  }
});
afterAll(async () => close());

const call = (role: Role, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers = {}) =>
  app.inject({ method, url, headers: { ...as.get(role)!.headers, ...headers }, payload: payload as never });

const counts = async () => {
  const [r] = await rowsOf<{ customers: number; audit: number }>(
    deps.db.reader(),
    sql`select (select count(*) from customers)::int as customers, (select count(*) from audit_log)::int as audit`,
  );
  return r;
};

const create = async (body: Record<string, unknown>) => {
  const res = await call('agent', 'POST', '/api/v1/customers', body);
  expect(res.statusCode).toBe(201);
  return res.json();
};

describe('customer archive CRUD (R-RES-6)', () => {
  it('should create, read and update a customer and record both changes in the audit trail', async () => {
    const res = await call('agent', 'POST', '/api/v1/customers', {
      code: 'C-0001',
      name: '王建国',
      type: 'consumer',
      tier: 'long_term',
      specialGroup: 'elderly',
      phone: '+86 139-0000-1111',
      email: 'wang@example.cn',
      address: '浙江省杭州市西湖区文三路 100 号',
      region: '华东',
      contacts: [{ name: '王小明', phone: '13900002222', role: '儿子' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const created = res.json();
    expect(created).toMatchObject({
      code: 'C-0001',
      tier: 'long_term',
      specialGroup: 'elderly',
      phone: '+86 139-0000-1111',
      contacts: [{ name: '王小明', phone: '13900002222', role: '儿子' }],
      notes: null,
      version: 1,
    });
    expect(res.headers.location).toBe(`/api/v1/customers/${created.id}`);
    const got = await call('agent', 'GET', `/api/v1/customers/${created.id}`);
    expect(got.json()).toEqual(created);

    const patched = await call(
      'agent',
      'PATCH',
      `/api/v1/customers/${created.id}`,
      { tier: 'key_account', notes: '重要客户', address: null, reason: '年度评级' },
      { 'if-match': '"1"' },
    );
    expect(patched.statusCode).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    expect(patched.json()).toMatchObject({
      tier: 'key_account',
      notes: '重要客户',
      address: null,
      name: '王建国',
    });

    const stale = await call('agent', 'PATCH', `/api/v1/customers/${created.id}`, {
      version: 1,
      tier: 'new',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });

    const audit = await call(
      'general_manager',
      'GET',
      `/api/v1/audit?entityType=customer&entityId=${created.id}`,
    );
    expect(
      audit
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['customer.created', 'customer.updated']);
  });

  it('should refuse a taken code, a missing version and an unknown id', async () => {
    await create({ code: 'C-DUP', name: '甲' });
    const dup = await call('agent', 'POST', '/api/v1/customers', { code: 'C-DUP', name: '乙' });
    expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'CUSTOMER_CODE_TAKEN']);
    const other = await create({ name: '丙' });
    const taken = await call('agent', 'PATCH', `/api/v1/customers/${other.id}`, {
      version: 1,
      code: 'C-DUP',
    });
    expect(taken.json().error.code).toBe('CUSTOMER_CODE_TAKEN');
    const noVersion = await call('agent', 'PATCH', `/api/v1/customers/${other.id}`, { name: '丁' });
    expect(noVersion.statusCode).toBe(428);
    const missing = '01a20000-0000-7000-8000-0000000000ff';
    for (const res of [
      await call('agent', 'GET', `/api/v1/customers/${missing}`),
      await call('agent', 'PATCH', `/api/v1/customers/${missing}`, { version: 1, name: '无' }),
      await call('finance', 'GET', `/api/v1/customers/${missing}/archive`),
    ]) {
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'CUSTOMER_NOT_FOUND']);
    }
  });

  it('should let only one of two concurrent updates of the same version win', async () => {
    const c = await create({ name: '并发' });
    const patch = (name: string) =>
      call('agent', 'PATCH', `/api/v1/customers/${c.id}`, { name }, { 'if-match': '"1"' });
    const results = await Promise.all([patch('甲'), patch('乙')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('should filter by name, phone in any format, type, tier and special group, and page by cursor', async () => {
    for (let i = 0; i < 5; i += 1)
      await create({
        name: `筛选客户${i}`,
        type: i % 2 ? 'dealer' : 'consumer',
        tier: i === 4 ? 'new' : 'standard',
      });
    await create({ name: '筛选电话', phone: '021-6666 8888', specialGroup: 'disabled' });
    const names = async (query: string) =>
      (await call('finance', 'GET', `/api/v1/customers?${query}`))
        .json()
        .items.map((c: { name: string }) => c.name);
    expect(await names('q=筛选&type=dealer')).toEqual(['筛选客户1', '筛选客户3']);
    expect(await names('q=筛选&tier=new')).toEqual(['筛选客户4']);
    expect(await names('specialGroup=disabled')).toEqual(['筛选电话']);
    expect(await names(`phone=${encodeURIComponent('+86 21 6666 8888')}`)).toEqual(['筛选电话']);
    expect(await names('phone=02166668888')).toEqual(['筛选电话']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = (
        await call(
          'agent',
          'GET',
          `/api/v1/customers?q=筛选客户&limit=2&sort=-name${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      seen.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['筛选客户4', '筛选客户3', '筛选客户2', '筛选客户1', '筛选客户0']);
  });
});

describe('personal data masking (R-SEC-1)', () => {
  it('should show phone, e-mail, address and contacts to agents and mask them for viewers without pii.reveal', async () => {
    const c = await create({
      name: '隐私测试',
      phone: '+86 138-1234-5678',
      email: 'li.na@example.com',
      address: '上海市浦东新区世纪大道 8 号',
      contacts: [{ name: '李娜', phone: '13900001111' }],
    });
    const agentView = (await call('agent', 'GET', `/api/v1/customers/${c.id}`)).json();
    expect(agentView).toMatchObject({
      phone: '+86 138-1234-5678',
      email: 'li.na@example.com',
      address: '上海市浦东新区世纪大道 8 号',
      contacts: [{ phone: '13900001111' }],
    });
    for (const role of ['quality_engineer', 'finance', 'supervisor'] as const) {
      const masked = (await call(role, 'GET', `/api/v1/customers/${c.id}`)).json();
      expect(masked).toMatchObject({
        phone: '138****5678',
        email: 'l***@example.com',
        address: '上海市浦东****',
        contacts: [{ name: '李娜', phone: '139****1111' }],
      });
      const listed = (await call(role, 'GET', '/api/v1/customers?q=隐私测试')).json().items[0];
      expect(listed.phone).toBe('138****5678');
      const lookedUp = (await call(role, 'GET', '/api/v1/customers/lookup?phone=13812345678')).json();
      expect(lookedUp.matches[0].customer.phone).toBe('138****5678');
    }
  });
});

describe('hotline look-up (R-INT-6)', () => {
  it('should find the same customer whether the number is typed with +86, dashes or plain', async () => {
    const c = await create({ name: '来电顾客', phone: '+86 137-0000-9999' });
    const other = await create({ name: '别的顾客', phone: '13700008888' });
    await insertComplaintRowFx(deps, {
      customerId: c.id,
      status: 'closed',
      receivedAt: new Date('2026-01-05T02:00:00Z'),
      productName: '电饭煲 A1',
      agreement: { acceptedAt: '2026-01-06', amountFen: 30_000 },
      resolution: { summary: '已退款', paidFen: 25_000 },
    });
    await insertComplaintRowFx(deps, {
      customerId: c.id,
      status: 'investigating',
      receivedAt: new Date('2026-02-10T02:00:00Z'),
      productName: '电饭煲 A2',
    });
    await insertComplaintRowFx(deps, { customerId: other.id, status: 'registered' });
    const variants = ['+86 137-0000-9999', '13700009999', '0086 137 0000 9999', '137-0000-9999'];
    for (const phone of variants) {
      const res = await call('agent', 'GET', `/api/v1/customers/lookup?phone=${encodeURIComponent(phone)}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.phone).toBe('13700009999');
      expect(body.matches.map((m: { customer: { id: string } }) => m.customer.id)).toEqual([c.id]);
      expect(body.matches[0].stats).toMatchObject({ complaints: 2, open: 1, compensationPaidFen: 25_000 });
      expect(body.matches[0].recentComplaints).toEqual([
        expect.objectContaining({
          status: 'investigating',
          productName: '电饭煲 A2',
          compensationPaidFen: 0,
        }),
        expect.objectContaining({
          status: 'closed',
          productName: '电饭煲 A1',
          receivedAt: '2026-01-05T02:00:00.000Z',
          number: expect.stringMatching(/^KS-2026-\d{6}$/),
        }),
      ]);
    }
    const unencodedPlus = await call('agent', 'GET', '/api/v1/customers/lookup?phone=+86 137 0000 9999');
    expect(unencodedPlus.json().matches).toHaveLength(1);
    const limited = await call('agent', 'GET', '/api/v1/customers/lookup?phone=13700009999&recent=1');
    expect(limited.json().matches[0].recentComplaints).toHaveLength(1);
  });

  it('should answer an unknown number with no matches, list every customer sharing a number, and refuse junk', async () => {
    expect((await call('agent', 'GET', '/api/v1/customers/lookup?phone=13611112222')).json()).toEqual({
      phone: '13611112222',
      matches: [],
    });
    await create({ name: '家人甲', phone: '0571-8765 4321' });
    deps.clock.advance(1000);
    await create({ name: '家人乙', phone: '+86 571 8765 4321' });
    const shared = (await call('agent', 'GET', '/api/v1/customers/lookup?phone=057187654321')).json();
    expect(shared.matches.map((m: { customer: { name: string } }) => m.customer.name)).toEqual([
      '家人甲',
      '家人乙',
    ]);
    for (const q of ['phone=abc', 'phone=1', '', 'phone=13611112222&recent=99', 'phone=13611112222&x=1']) {
      expect((await call('agent', 'GET', `/api/v1/customers/lookup?${q}`)).statusCode).toBe(400);
    }
  });
});

describe('customer archive (R-RES-6)', () => {
  it('should show every complaint newest first with counts and compensation, paged, to archive roles only', async () => {
    const c = await create({ name: '档案顾客', code: 'ARCH-1' });
    const at = (d: string) => new Date(`${d}T03:00:00Z`);
    await insertComplaintRowFx(deps, {
      customerId: c.id,
      status: 'closed',
      receivedAt: at('2025-11-01'),
      productName: '微波炉',
      batchNo: 'B20251001',
      demands: ['refund', 'apology'],
      claimedAmountFen: 50_000,
      severity: 'major',
      resolution: { compensationPaidFen: 40_000 },
      closure: { kind: 'closed', reason: '顾客满意', at: '2025-11-20T00:00:00Z', by: null },
    });
    await insertComplaintRowFx(deps, {
      customerId: c.id,
      status: 'follow_up',
      receivedAt: at('2025-12-01'),
      agreement: { amountFen: 12_345 },
    });
    // Defensive reading: garbage amounts and unexecuted agreements count as nothing.
    await insertComplaintRowFx(deps, {
      customerId: c.id,
      status: 'agreed',
      receivedAt: at('2026-01-01'),
      agreement: { amountFen: 99_999 },
      resolution: { paidFen: 'lots' },
    });
    await insertComplaintRowFx(deps, {
      customerId: c.id,
      status: 'closed',
      receivedAt: at('2026-01-15'),
      resolution: ['not', 'an', 'object'],
      agreement: { amountFen: -5 },
      closure: 'closed',
    });
    await insertComplaintRowFx(deps, {
      customerId: c.id,
      kind: 'inquiry',
      status: 'received',
      receivedAt: at('2026-02-01'),
    });

    for (const role of ['finance', 'service_manager', 'general_manager'] as const) {
      expect((await call(role, 'GET', `/api/v1/customers/${c.id}/archive`)).statusCode).toBe(200);
    }
    for (const role of ['agent', 'supervisor', 'quality_engineer'] as const) {
      const res = await call(role, 'GET', `/api/v1/customers/${c.id}/archive`);
      expect([role, res.statusCode, res.json().error.code]).toEqual([role, 403, 'FORBIDDEN']);
    }

    const first = (await call('finance', 'GET', `/api/v1/customers/${c.id}/archive?limit=2`)).json();
    expect(first.customer).toMatchObject({ id: c.id, code: 'ARCH-1' });
    expect(first.stats).toMatchObject({
      complaints: 5,
      open: 3,
      compensationPaidFen: 40_000 + 12_345,
      claimedAmountFen: 50_000,
    });
    expect(first.stats.byStatus).toMatchObject({
      closed: 2,
      follow_up: 1,
      agreed: 1,
      received: 1,
      withdrawn: 0,
    });
    expect(first.complaints.items.map((x: { receivedAt: string }) => x.receivedAt.slice(0, 10))).toEqual([
      '2026-02-01',
      '2026-01-15',
    ]);
    const items = [...first.complaints.items];
    let cursor: string | null = first.complaints.nextCursor;
    while (cursor) {
      const page = (
        await call('finance', 'GET', `/api/v1/customers/${c.id}/archive?limit=2&cursor=${cursor}`)
      ).json();
      items.push(...page.complaints.items);
      cursor = page.complaints.nextCursor;
    }
    expect(items.map((x: { receivedAt: string }) => x.receivedAt.slice(0, 10))).toEqual([
      '2026-02-01',
      '2026-01-15',
      '2026-01-01',
      '2025-12-01',
      '2025-11-01',
    ]);
    expect(items.map((x: { compensationPaidFen: number }) => x.compensationPaidFen)).toEqual([
      0, 0, 0, 12_345, 40_000,
    ]);
    expect(items[1].closure).toBeNull();
    expect(items[4]).toMatchObject({
      kind: 'complaint',
      status: 'closed',
      severity: 'major',
      productName: '微波炉',
      batchNo: 'B20251001',
      demands: ['refund', 'apology'],
      claimedAmountFen: 50_000,
      closure: { kind: 'closed', reason: '顾客满意', at: '2025-11-20T00:00:00Z' },
    });
    const bad = await call('finance', 'GET', `/api/v1/customers/${c.id}/archive?cursor=nonsense`);
    expect(bad.json().error.code).toBe('INVALID_CURSOR');
  });
});

describe('bulk upsert of customers', () => {
  it('should create, update by code, update by phone and leave unchanged rows alone', async () => {
    await create({ name: '热线建档', phone: '13511112222' });
    const first = await call('agent', 'POST', '/api/v1/customers/bulk', {
      rows: [
        { code: 'ERP-1', name: '经销商一', type: 'dealer', company: '一号商贸' },
        { code: 'ERP-2', name: '热线建档（ERP）', phone: '+86 135 1111 2222', tier: 'long_term' },
        { name: '散客', phone: '13599990000' },
      ],
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ created: 2, updated: 1, unchanged: 0 });
    const byPhone = (await call('agent', 'GET', '/api/v1/customers?phone=13511112222')).json().items;
    expect(byPhone).toHaveLength(1);
    expect(byPhone[0]).toMatchObject({ code: 'ERP-2', name: '热线建档（ERP）', tier: 'long_term' });

    const again = await call('agent', 'POST', '/api/v1/customers/bulk', {
      rows: [
        { code: 'ERP-1', name: '经销商一' },
        { code: 'ERP-2', name: '热线建档（ERP）', region: '华南' },
        { name: '散客', phone: '135-9999-0000' },
      ],
    });
    expect(again.json()).toEqual({ created: 0, updated: 1, unchanged: 2 });
    const erp1 = (await call('agent', 'GET', '/api/v1/customers?q=经销商一')).json().items[0];
    expect(erp1).toMatchObject({ type: 'dealer', company: '一号商贸', version: 1 });
  });

  it('should report every bad row and write nothing when any row is bad', async () => {
    await create({ name: '共用号码甲', phone: '13422223333' });
    await create({ name: '共用号码乙', phone: '13422223333' });
    const before = await counts();
    const res = await call('agent', 'POST', '/api/v1/customers/bulk', {
      rows: [
        { code: 'NEW-1', name: '好行' },
        { name: '歧义', phone: '134-2222-3333' },
        { code: 'NEW-1', name: '重复编码' },
        { name: '同号一', phone: '13800000001' },
        { name: '同号二', phone: '+8613800000001' },
      ],
    });
    expect(res.statusCode).toBe(422);
    const problems = res.json().error.details.rows as { row: number; problem: string }[];
    expect(problems.map((p) => p.row)).toEqual([3, 4, 5]);
    expect(await counts()).toEqual(before);

    const ambiguous = await call('agent', 'POST', '/api/v1/customers/bulk', {
      rows: [
        { code: 'NEW-2', name: '好行' },
        { name: '歧义', phone: '134-2222-3333' },
      ],
    });
    expect(ambiguous.json().error).toMatchObject({
      code: 'REFERENCE_IMPORT_INVALID',
      details: { rows: [{ row: 2, problem: expect.stringContaining('give a code') }] },
    });
    expect(await counts()).toEqual(before);
  });

  it('should refuse bulk upserts to roles without customer.manage and oversize or malformed batches', async () => {
    const before = await counts();
    expect(
      (await call('finance', 'POST', '/api/v1/customers/bulk', { rows: [{ name: 'x' }] })).statusCode,
    ).toBe(403);
    const tooMany = Array.from({ length: 5001 }, (_, i) => ({ name: `n${i}` }));
    expect((await call('agent', 'POST', '/api/v1/customers/bulk', { rows: tooMany })).statusCode).toBe(400);
    expect((await call('agent', 'POST', '/api/v1/customers/bulk', { rows: [] })).statusCode).toBe(400);
    const bad = await call('agent', 'POST', '/api/v1/customers/bulk', {
      rows: [{ name: 'ok' }, { name: 'x', tier: 'vip' }],
    });
    expect(bad.json().error.details.issues[0].path).toEqual(['rows', '1', 'tier']);
    expect(await counts()).toEqual(before);
  });
});

describe('bad customer input gets 400 and writes nothing', () => {
  const cases: [string, unknown][] = [
    ['wrong types', { name: 42, phone: 13812345678 }],
    ['unknown field', { name: '张三', vip: true }],
    ['unknown type', { name: '张三', type: 'alien' }],
    ['unknown special group', { name: '张三', specialGroup: 'vip' }],
    ['bad phone', { name: '张三', phone: 'call me' }],
    ['bad e-mail', { name: '张三', email: 'not-an-email' }],
    ['oversize name', { name: '长'.repeat(101) }],
    ['oversize notes', { name: '张三', notes: 'x'.repeat(2001) }],
    ['blank name', { name: '   ' }],
    ['control characters', { name: 'a\u0007b' }],
    ['bad code', { name: '张三', code: 'has space' }],
    ['too many contacts', { name: '张三', contacts: Array.from({ length: 21 }, () => ({ name: 'c' })) }],
    ['contact without name', { name: '张三', contacts: [{ phone: '13800000000' }] }],
  ];

  it.each(cases)('should answer %s with VALIDATION_FAILED', async (_name, body) => {
    const before = await counts();
    const res = await call('agent', 'POST', '/api/v1/customers', body);
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await counts()).toEqual(before);
  });

  it('should refuse bad ids, bad filters and unknown query parameters', async () => {
    for (const url of [
      '/api/v1/customers/not-a-uuid',
      '/api/v1/customers?tier=gold',
      '/api/v1/customers?sort=phone',
      '/api/v1/customers?limit=0',
      '/api/v1/customers?secret=1',
    ]) {
      expect((await call('agent', 'GET', url)).statusCode).toBe(400);
    }
  });
});
