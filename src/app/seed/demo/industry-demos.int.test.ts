import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../../../../test/test-deps';
import { rowsOf } from '../../../db/client';
import { runSeed } from '../run-seed';
import { DEMO_TARGETS } from './demo-plan';

describe.each([
  ['appliance', 'AP-AC-35'],
  ['medical', 'MD-IS-04'],
  ['auto', 'AU-E7'],
  ['furniture', 'FU-FL-12'],
])('seed --preset %s --demo', (preset, productCode) => {
  it('should create complaints in every lifecycle state that pass the preset’s own custom fields and taxonomy', async () => {
    const deps = await createTestDeps();
    try {
      const report = await runSeed(deps, preset, { demo: true });
      expect(report.lines.join('\n')).toMatch(/demo complaints: 25 created/);
      const ex = deps.db.reader();
      const statuses = await rowsOf<{ status: string }>(ex, sql`select distinct status from complaints`);
      expect(statuses.map((s) => s.status).sort()).toEqual([...DEMO_TARGETS].sort());
      const severities = await rowsOf<{ severity: string }>(
        ex,
        sql`select distinct severity from complaints where severity is not null`,
      );
      for (const { severity } of severities)
        expect(['general', 'important', 'urgent', 'serious']).toContain(severity);
      const [product] = await rowsOf<{ warranty_months: number | null; medical_device: boolean }>(
        ex,
        sql`select warranty_months, medical_device from products where code = ${productCode}`,
      );
      expect(product?.medical_device).toBe(preset === 'medical');
      if (preset === 'appliance') expect(product?.warranty_months).toBe(12);
      if (preset === 'auto') {
        const vins = await rowsOf<{ vin: string }>(
          ex,
          sql`select custom_fields->>'vin' as vin from complaints`,
        );
        for (const { vin } of vins) expect(vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
      }
      expect((await runSeed(deps, preset, { demo: true })).lines).toContain(
        'demo complaints: already loaded, skipped',
      );
    } finally {
      await deps.close();
    }
  });
});
