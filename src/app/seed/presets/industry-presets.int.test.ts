import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../../test/test-deps';
import { rowsOf } from '../../../db/client';
import { loadComplaintSettings } from '../../complaints/complaint-settings';
import { registerComplaint, type IntakeInput } from '../../complaints/register-complaint';
import { toLifecycleActor } from '../../complaints/lifecycle-actor';
import { systemContext } from '../../context';
import { isAppError } from '../../errors/app-error';
import { POLICY_NAMES, policyDefaultOf } from '../../policies/policy-catalogue';
import { runSeed, SEED_PRESETS } from '../run-seed';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => deps.close());

const ctx = systemContext('test');
const settings = () => loadComplaintSettings(deps.db);
const policyCount = async () =>
  (
    await rowsOf<{ n: number }>(
      deps.db.reader(),
      sql`select count(*)::int as n from audit_log where entity_type = 'policy'`,
    )
  )[0]?.n;

const carComplaint = (customFields: IntakeInput['customFields']): IntakeInput => ({
  kind: 'complaint',
  channel: 'hotline',
  receivedOutsideCustomerService: false,
  customer: { name: '测试车主', phone: '13900001111', type: 'consumer' },
  product: { name: '远航 X5' },
  problem: { description: '发动机故障灯常亮', scope: 'single_unit' },
  demands: ['repair'],
  injury: 'none',
  flags: [],
  customFields,
});

const register = (input: IntakeInput) =>
  registerComplaint(deps, ctx, input, toLifecycleActor(ctx.actor), {
    intakeDepartmentId: null,
    reporterId: null,
  });

describe('industry presets (DOMAIN §18)', () => {
  it('should register every industry preset with `seed --preset`', () => {
    expect(SEED_PRESETS.map((p) => p.name)).toEqual([
      'base',
      'food',
      'appliance',
      'medical',
      'auto',
      'furniture',
    ]);
  });

  it('should load the food taxonomy, the default deadlines and no custom fields with the food preset', async () => {
    const report = await runSeed(deps, 'food', { demo: false });
    expect(report.lines.join('\n')).toMatch(/policies \(food\): \d+ written/);
    const s = await settings();
    expect(s.preset).toBe('food');
    expect(s.classification.taxonomy.classes.map((c) => c.code)).toEqual([
      'general',
      'minor',
      'major',
      'serious',
      'special',
      'retail',
    ]);
    expect(s.classification.majorWhenCompensationClaimed).toBe(false);
    expect(s.deadlinePolicy.rules.find((r) => r.kind === 'R-SLA-2')?.duration).toEqual({
      mode: 'wall',
      minutes: 10,
    });
    expect(s.customFields).toEqual([]);
    expect(s.kpi).toEqual({ generalComplaint: -1, majorComplaint: -5, lateStep: -2 });
  });

  it('should change nothing and audit nothing when the same preset is applied again', async () => {
    const before = await policyCount();
    const report = await runSeed(deps, 'food', { demo: false });
    expect(report.lines).toContain(`policies (food): 0 written, ${POLICY_NAMES.length} unchanged`);
    expect(await policyCount()).toBe(before);
  });

  it('should switch to the generic taxonomy, generic deadlines and batch thresholds with the appliance preset', async () => {
    await runSeed(deps, 'appliance', { demo: false });
    const s = await settings();
    expect(s.preset).toBe('appliance');
    expect(s.classification.taxonomy.name).toBe('generic');
    expect(s.classification.taxonomy.classes.map((c) => c.code)).toEqual([
      'general',
      'important',
      'urgent',
      'serious',
    ]);
    expect(s.classification.majorWhenCompensationClaimed).toBe(true);
    const returned = s.deadlinePolicy.rules.find((r) => r.kind === 'R-SLA-12');
    expect(returned?.duration).toEqual({ mode: 'wall', minutes: 24 * 60 });
    expect(returned?.durationByScope).toEqual({ batch: { mode: 'wall', minutes: 48 * 60 } });
    expect(returned?.durationBySeverity).toEqual({ serious: { mode: 'wall', minutes: 72 * 60 } });
    const [stored] = await rowsOf<{ value: unknown }>(
      deps.db.reader(),
      sql`select value from policies where key = 'batch_thresholds'`,
    );
    expect(stored?.value).toEqual({ abnormalityReportRate: 0.003, specialReportRate: 0.01 });
  });

  it('should add the ISO 13485 report fields and the adverse-event clocks with the medical preset', async () => {
    await runSeed(deps, 'medical', { demo: false });
    const s = await settings();
    expect(s.customFields.map((f) => [f.key, f.type, f.required])).toEqual([
      ['patient_involved', 'text', true],
      ['udi', 'text', false],
      ['hospital', 'text', false],
      ['ae_report_no', 'text', false],
    ]);
    expect(
      s.deadlinePolicy.rules.filter((r) => r.rule === 'R-AE-2').map((r) => [r.kind, r.duration]),
    ).toEqual([
      ['R-AE-2.death', { mode: 'legal_days', days: 7 }],
      ['R-AE-2.serious', { mode: 'legal_days', days: 20 }],
    ]);
  });

  it('should require a 17-character VIN with the auto preset, refusing a complaint without one (422 CUSTOM_FIELD_INVALID)', async () => {
    await runSeed(deps, 'auto', { demo: false });
    const s = await settings();
    expect(s.customFields.map((f) => f.key)).toEqual(['vin', 'mileage_km', 'licence_plate', 'fault_count']);
    expect(s.kpi).toEqual({ generalComplaint: -1, majorComplaint: -5, lateStep: -2 });
    expect(s.deadlinePolicy.rules.find((r) => r.kind === 'R-SLA-2')?.duration).toEqual({
      mode: 'wall',
      minutes: 30,
    });
    expect(s.deadlinePolicy.rules.find((r) => r.kind === 'R-SLA-3')?.duration).toEqual({
      mode: 'wall',
      minutes: 120,
    });
    expect(s.deadlinePolicy.rules.find((r) => r.kind === 'R-SLA-14')?.duration).toEqual({
      mode: 'window_days',
      fromDays: 5,
      toDays: 7,
    });

    const refused = await register(carComplaint({ mileage_km: 12_000 })).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe('CUSTOM_FIELD_INVALID');
    expect(isAppError(refused) && refused.details).toEqual({
      problems: [{ key: 'vin', problem: 'required' }],
    });
    const badVin = await register(carComplaint({ vin: 'LYH3B2G28R100537O' })).catch((e: unknown) => e);
    expect(isAppError(badVin) && badVin.code).toBe('CUSTOM_FIELD_INVALID');
    const ok = await register(
      carComplaint({ vin: 'LYH3B2G28R1005372', mileage_km: 12_000, licence_plate: '沪A7K2M9' }),
    );
    expect(ok.complaint.customFields).toEqual({
      vin: 'LYH3B2G28R1005372',
      mileage_km: 12_000,
      licence_plate: '沪A7K2M9',
    });
  });

  it('should record installation date and installer with the furniture preset, and drop the VIN field', async () => {
    await runSeed(deps, 'furniture', { demo: false });
    const s = await settings();
    expect(s.customFields.map((f) => [f.key, f.type])).toEqual([
      ['installation_date', 'date'],
      ['installer', 'text'],
    ]);
    const noVin = await register(carComplaint({ installation_date: '2026-01-10', installer: '王师傅' }));
    expect(noVin.complaint.customFields).toEqual({ installation_date: '2026-01-10', installer: '王师傅' });
    expect(s.classification.keywordRules.some((r) => r.topic === 'installation')).toBe(true);
  });

  it('should audit each policy a preset changes with before and after', async () => {
    const rows = await rowsOf<{
      entity_id: string;
      before: { value: unknown };
      after: { value: unknown };
      reason: string;
    }>(
      deps.db.reader(),
      sql`select entity_id, before, after, reason from audit_log where entity_type = 'policy' and reason = 'preset furniture' order by id`,
    );
    const fields = rows.find((r) => r.entity_id === 'custom_fields');
    expect((fields?.before.value as { key: string }[]).map((f) => f.key)).toEqual([
      'vin',
      'mileage_km',
      'licence_plate',
      'fault_count',
    ]);
    expect((fields?.after.value as { key: string }[]).map((f) => f.key)).toEqual([
      'installation_date',
      'installer',
    ]);
    expect(rows.map((r) => r.entity_id)).toContain('preset');
    expect(rows.map((r) => r.entity_id)).not.toContain('kpi');
  });

  it('should go back to the food policies, every key at its built-in default, when food is applied again', async () => {
    await runSeed(deps, 'food', { demo: false });
    const stored = await rowsOf<{ key: string; value: unknown }>(
      deps.db.reader(),
      sql`select key, value from policies`,
    );
    for (const key of POLICY_NAMES) {
      const value = stored.find((r) => r.key === key)?.value;
      expect({ key, value }).toEqual({ key, value: key === 'preset' ? 'food' : policyDefaultOf(key) });
    }
  });
});
