import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { createUserFx, loginFx, type Session } from '../../../test/factories/identity.factory';
import { systemContext } from '../../app/context';
import { updatePolicy } from '../../app/policies/update-policy';
import { rowsOf } from '../../db/client';
import { GENERIC_CLASSIFICATION_RULES } from '../../domain/classification/classification-rules';
import { DEFAULT_DEADLINE_POLICY } from '../../domain/sla/deadline-policy';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let admin: Session;
let agent: Session;

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  await createUserFx(deps, 'p.admin', ['admin']);
  await createUserFx(deps, 'p.agent', ['agent']);
  admin = await loginFx(app, 'p.admin');
  agent = await loginFx(app, 'p.agent');
});
afterAll(async () => close());

type PolicyBody = {
  key: string;
  value: unknown;
  version: number;
  isDefault: boolean;
  updatedBy: string | null;
};

const get = (s: Session, url: string) => app.inject({ method: 'GET', url, headers: s.headers });
const put = (s: Session, key: string, payload: unknown, version?: number | string) =>
  app.inject({
    method: 'PUT',
    url: `/api/v1/policies/${key}`,
    headers: { ...s.headers, ...(version !== undefined && { 'if-match': `"${version}"` }) },
    payload: payload as never,
  });
const KPI = { generalComplaint: -2, majorComplaint: -8, lateStep: -3 };

describe('policies API', () => {
  it('should list every policy with its default value and version 0 to anyone who reads reference data', async () => {
    const res = await get(agent, '/api/v1/policies');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as PolicyBody[];
    expect(items.map((p) => p.key)).toEqual([
      'preset',
      'deadline_policy',
      'classification_rules',
      'review_chain',
      'escalation_chain',
      'duplicate_policy',
      'custom_fields',
      'kpi',
      'intake',
      'batch_thresholds',
      'compensation_policy',
      'capa_policy',
      'adverse_event_policy',
    ]);
    for (const p of items)
      expect({ key: p.key, version: p.version, isDefault: p.isDefault }).toEqual({
        key: p.key,
        version: 0,
        isDefault: true,
      });
    expect(items.find((p) => p.key === 'deadline_policy')?.value).toEqual(DEFAULT_DEADLINE_POLICY);
  });

  it('should get one policy with an ETag, and answer 404 POLICY_NOT_FOUND for an unknown key', async () => {
    const res = await get(agent, '/api/v1/policies/kpi');
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"0"');
    expect(res.json()).toMatchObject({
      key: 'kpi',
      label: { 'zh-CN': '考核分值', en: 'KPI points' },
      value: { generalComplaint: -1 },
    });
    const missing = await get(agent, '/api/v1/policies/no_such_policy');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('POLICY_NOT_FOUND');
    expect(missing.json().error.details.available).toContain('deadline_policy');
  });

  it('should refuse a change by anyone without policy.manage (403)', async () => {
    const res = await put(agent, 'kpi', { value: KPI }, 0);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('should store the first change of a default without a version, then require the version read', async () => {
    const first = await put(admin, 'kpi', { value: KPI, reason: '加大超时考核力度' });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"1"');
    expect(first.json()).toMatchObject({ key: 'kpi', value: KPI, version: 1, isDefault: false });
    const unversioned = await put(admin, 'kpi', { value: { ...KPI, lateStep: -4 } });
    expect(unversioned.statusCode).toBe(428);
    expect(unversioned.json().error.code).toBe('PRECONDITION_REQUIRED');
    const second = await put(admin, 'kpi', { value: { ...KPI, lateStep: -4 }, version: 1 });
    expect(second.json()).toMatchObject({ version: 2, value: { lateStep: -4 } });
  });

  it('should answer 409 VERSION_CONFLICT to a stale version, including 0 once the policy is stored', async () => {
    for (const stale of [1, 0]) {
      const res = await put(admin, 'kpi', { value: KPI }, stale);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    }
    expect((await get(admin, '/api/v1/policies/kpi')).json().version).toBe(2);
  });

  it('should accept version 0 for a policy still at its default, and not bump the version when nothing changes', async () => {
    const value = { windowDays: 14, minTextSimilarity: 0.5 };
    const res = await put(admin, 'duplicate_policy', { value }, 0);
    expect(res.json()).toMatchObject({ version: 1, value });
    const same = await put(admin, 'duplicate_policy', { value }, 1);
    expect(same.statusCode).toBe(200);
    expect(same.json().version).toBe(1);
  });

  it('should list every problem of an invalid value with its path (422 POLICY_INVALID) and store nothing', async () => {
    const res = await put(
      admin,
      'kpi',
      { value: { generalComplaint: 'minus one', majorComplaint: -5.5, extra: 1 } },
      2,
    );
    expect(res.statusCode).toBe(422);
    const { code, details } = res.json().error as {
      code: string;
      details: { key: string; problems: { path: string }[] };
    };
    expect(code).toBe('POLICY_INVALID');
    expect(details.key).toBe('kpi');
    expect(details.problems.map((p) => p.path)).toEqual([
      'extra',
      'generalComplaint',
      'majorComplaint',
      'lateStep',
    ]);
    const chain = await put(admin, 'escalation_chain', { value: ['service_manager', 'assignee', 'ceo'] });
    expect(chain.json().error.details.problems.map((p: { path: string }) => p.path)).toEqual(['[1]', '[2]']);
    expect((await get(admin, '/api/v1/policies/kpi')).json().version).toBe(2);
  });

  it('should answer DEADLINE_POLICY_INVALID for a bad deadline policy, and refuse a taxonomy that drops a class the clocks use', async () => {
    const broken = {
      ...DEFAULT_DEADLINE_POLICY,
      rules: DEFAULT_DEADLINE_POLICY.rules.map((r, i) =>
        i === 2 ? { ...r, warnAtShare: 2, stopOn: ['assigned'], startOn: ['assigned'] } : r,
      ),
    };
    const res = await put(admin, 'deadline_policy', { value: broken });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('DEADLINE_POLICY_INVALID');
    expect(res.json().error.details.problems.map((p: { path: string }) => p.path)).toEqual([
      'rules[2].stopOn',
      'rules[2].warnAtShare',
    ]);

    const generic = await put(admin, 'classification_rules', { value: GENERIC_CLASSIFICATION_RULES });
    expect(generic.statusCode).toBe(422);
    expect(generic.json().error.code).toBe('POLICY_INVALID');
    expect(generic.json().error.details.problems[0].path).toBe(
      'deadline_policy.rules[9].durationBySeverity.special',
    );
  });

  it('should refuse an intake department that does not exist', async () => {
    const res = await put(admin, 'intake', { value: { portalDepartmentCode: 'NOWHERE' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems).toEqual([
      { path: 'portalDepartmentCode', message: 'no department with code NOWHERE' },
    ]);
  });

  it('should show the change in the audit history with before and after', async () => {
    const res = await get(admin, '/api/v1/audit?entityType=policy&entityId=kpi');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      action: string;
      before: { value: unknown; version: number };
      after: { value: unknown; version: number };
      reason: string | null;
      actor: { name: string };
    }[];
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      action: 'policy.updated',
      before: {
        value: { generalComplaint: -1, majorComplaint: -5, lateStep: -2 },
        version: 0,
        isDefault: true,
      },
      after: { value: KPI, version: 1, isDefault: false },
      reason: '加大超时考核力度',
      actor: { name: '用户 p.admin' },
    });
    expect(items[1]).toMatchObject({
      before: { value: KPI, version: 1 },
      after: { value: { lateStep: -4 }, version: 2 },
    });
  });

  it('should take a custom field into effect at once: a complaint without the new required VIN is refused', async () => {
    const vin = {
      key: 'vin',
      label: { 'zh-CN': '车架号', en: 'VIN' },
      type: 'text',
      required: true,
      pattern: '^[A-HJ-NPR-Z0-9]{17}$',
    };
    expect((await put(admin, 'custom_fields', { value: [vin] }, 0)).statusCode).toBe(200);
    const complaint = (customFields: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: agent.headers,
        payload: {
          customer: { name: '测试车主', phone: '13800002222' },
          problem: { description: '发动机故障灯常亮' },
          injury: 'none',
          customFields,
        },
      });
    const refused = await complaint({});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'CUSTOM_FIELD_INVALID',
      details: { problems: [{ key: 'vin', problem: 'required' }] },
    });
    expect((await complaint({ vin: 'LYH3B2G28R1005372' })).statusCode).toBe(201);
  });

  it('should recompute open deadlines after a deadline policy change', async () => {
    const [clock] = await rowsOf<{ id: string; started_at: Date; due_at: Date }>(
      deps.db.reader(),
      sql`select id, started_at, due_at from complaint_deadlines where kind = 'R-SLA-5' and met_at is null and cancelled_at is null limit 1`,
    );
    expect(clock).toBeDefined();
    const longer = {
      ...DEFAULT_DEADLINE_POLICY,
      version: 2,
      rules: DEFAULT_DEADLINE_POLICY.rules.map((r) =>
        r.kind === 'R-SLA-5' ? { ...r, duration: { mode: 'wall', minutes: 48 * 60 } } : r,
      ),
    };
    expect((await put(admin, 'deadline_policy', { value: longer }, 0)).statusCode).toBe(200);
    const [after] = await rowsOf<{ due_at: Date }>(
      deps.db.reader(),
      sql`select due_at from complaint_deadlines where id = ${clock?.id}`,
    );
    expect(new Date(after?.due_at ?? 0).getTime() - new Date(clock?.started_at ?? 0).getTime()).toBe(
      48 * 3_600_000,
    );
    const [recomputed] = await rowsOf<{ reason: string }>(
      deps.db.reader(),
      sql`select reason from audit_log where action = 'deadlines.recomputed' order by id desc limit 1`,
    );
    expect(recomputed?.reason).toBe('deadline_policy v1');
  });

  it('should hand the deadline-policy hook the change, and skip it for other keys', async () => {
    const calls: string[] = [];
    const hooks = {
      onDeadlinePolicyChanged: async (_d: unknown, _c: unknown, reason: string) => void calls.push(reason),
    };
    const ctx = systemContext('test');
    await updatePolicy(
      deps,
      ctx,
      'review_chain',
      { value: ['department_manager', 'general_manager'], expectedVersion: 0 },
      hooks,
    );
    await updatePolicy(
      deps,
      ctx,
      'deadline_policy',
      { value: { ...DEFAULT_DEADLINE_POLICY, version: 3 }, expectedVersion: 1 },
      hooks,
    );
    expect(calls).toEqual(['deadline_policy v2']);
  });
});
