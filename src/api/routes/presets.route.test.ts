import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { createUserFx, loginFx, type Session } from '../../../test/factories/identity.factory';
import { rowsOf } from '../../db/client';
import { GENERIC_CLASSIFICATION_RULES } from '../../domain/classification/classification-rules';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let admin: Session;
let manager: Session;

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  await createUserFx(deps, 'ps.admin', ['admin']);
  await createUserFx(deps, 'ps.manager', ['service_manager']);
  admin = await loginFx(app, 'ps.admin');
  manager = await loginFx(app, 'ps.manager');
});
afterAll(async () => close());

type PresetBody = {
  name: string;
  label: { 'zh-CN': string; en: string };
  inForce: boolean;
  sets: { key: string }[];
  changes: string[];
};

const list = (s: Session) => app.inject({ method: 'GET', url: '/api/v1/presets', headers: s.headers });
const apply = (s: Session, name: string, payload: unknown) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/presets/${name}/apply`,
    headers: s.headers,
    payload: payload as never,
  });
const policy = async (key: string) =>
  (await app.inject({ method: 'GET', url: `/api/v1/policies/${key}`, headers: admin.headers })).json() as {
    value: unknown;
    version: number;
  };
const policyAudit = () =>
  rowsOf<{ entity_id: string; reason: string | null }>(
    deps.db.reader(),
    sql`select entity_id, reason from audit_log where entity_type = 'policy' order by id`,
  );

describe('presets API', () => {
  it('should list the five industry presets with labels, what each sets, and food in force by default', async () => {
    const res = await list(admin);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { inForce: string; items: PresetBody[] };
    expect(body.inForce).toBe('food');
    expect(body.items.map((p) => p.name)).toEqual(['food', 'appliance', 'medical', 'auto', 'furniture']);
    expect(body.items.filter((p) => p.inForce).map((p) => p.name)).toEqual(['food']);
    const appliance = body.items.find((p) => p.name === 'appliance');
    expect(appliance?.label).toEqual({ 'zh-CN': '家电/电子', en: 'Appliances and electronics' });
    expect(appliance?.sets.map((s) => s.key)).toEqual(
      expect.arrayContaining([
        'deadline_policy',
        'classification_rules',
        'batch_thresholds',
        'custom_fields',
      ]),
    );
    expect(appliance?.changes).toEqual(expect.arrayContaining(['preset', 'classification_rules']));
  });

  it('should refuse a role without policy.manage with 403, listing and applying alike', async () => {
    const listed = await list(manager);
    expect(listed.statusCode).toBe(403);
    expect(listed.json().error.code).toBe('FORBIDDEN');
    const applied = await apply(manager, 'appliance', { reason: '切换行业' });
    expect(applied.statusCode).toBe(403);
    expect(applied.json().error.code).toBe('FORBIDDEN');
    expect((await policy('preset')).value).toBe('food');
  });

  it('should answer 400 VALIDATION_FAILED when the reason is missing, and change nothing', async () => {
    for (const payload of [{}, { reason: '   ' }]) {
      const res = await apply(admin, 'appliance', payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await policy('preset')).value).toBe('food');
  });

  it('should answer 404 PRESET_NOT_FOUND for an unknown preset, naming the ones that exist', async () => {
    for (const name of ['bakery', 'base']) {
      const res = await apply(admin, name, { reason: '试试' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('PRESET_NOT_FOUND');
      expect(res.json().error.details.available).toEqual([
        'food',
        'appliance',
        'medical',
        'auto',
        'furniture',
      ]);
    }
  });

  it('should apply a preset: the policies change and each change is audited with the reason', async () => {
    const before = await policyAudit();
    const res = await apply(admin, 'appliance', { reason: '公司转产家电' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { preset: string; changed: string[]; unchanged: string[] };
    expect(body.preset).toBe('appliance');
    expect(body.changed).toEqual(
      expect.arrayContaining(['preset', 'classification_rules', 'deadline_policy', 'custom_fields']),
    );
    expect((await policy('preset')).value).toBe('appliance');
    expect((await policy('classification_rules')).value).toEqual(GENERIC_CLASSIFICATION_RULES);
    expect((await policy('custom_fields')).value).toEqual([expect.objectContaining({ key: 'fault_code' })]);

    const written = (await policyAudit()).slice(before.length);
    expect(written.map((r) => r.entity_id).sort()).toEqual([...body.changed].sort());
    for (const row of written) expect(row.reason).toBe('preset appliance: 公司转产家电');

    const listed = (await list(admin)).json() as { inForce: string; items: PresetBody[] };
    expect(listed.inForce).toBe('appliance');
    expect(listed.items.find((p) => p.name === 'appliance')).toMatchObject({ inForce: true, changes: [] });
  });

  it('should change and audit nothing when the preset in force is applied again', async () => {
    const before = await policyAudit();
    const res = await apply(admin, 'appliance', { reason: '再次确认' });
    expect(res.statusCode).toBe(200);
    expect(res.json().changed).toEqual([]);
    expect(await policyAudit()).toHaveLength(before.length);
  });
});
