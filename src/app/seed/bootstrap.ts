import { checkPasswordPolicy } from '../../domain/identity/check-password-policy';
import type { Deps } from '../deps';
import { seedCalendar, type CalendarSeedReport } from '../calendar/seed-calendar';
import { AppError } from '../errors/app-error';
import { ensureFirstAdmin, type FirstAdmin } from './ensure-first-admin';
import { runSeed, SEED_PRESETS } from './run-seed';
import type { SeedReport } from './seed-preset';

export type BootstrapReport = {
  readonly admin: FirstAdmin | undefined;
  /** The business calendar set up at first start (official holiday data), or `seeded: false`. */
  readonly calendar: CalendarSeedReport;
  readonly seed: SeedReport | undefined;
  /** Set when the preset failed to load after the administrator was created (the login is still reported). */
  readonly seedError: unknown;
};

/**
 * What a server does at start: apply migrations, set up the business calendar from the official holiday data
 * if it never was, and on an empty database create the first administrator and load the configured preset
 * (SEED_PRESET, with demo data when DEMO_DATA is on). The preset name and ADMIN_PASSWORD are checked before
 * anything is written, so a typo cannot leave an administrator whose password was never shown.
 */
export const bootstrap = async (deps: Deps): Promise<BootstrapReport> => {
  await deps.db.migrate();
  if (!SEED_PRESETS.some((p) => p.name === deps.config.seed.preset)) {
    throw new AppError('PRESET_NOT_FOUND', {
      preset: deps.config.seed.preset,
      available: SEED_PRESETS.map((p) => p.name),
    });
  }
  const password = deps.config.admin.password;
  if (password !== undefined) {
    const violations = checkPasswordPolicy(password, deps.config.admin.username);
    if (violations.length > 0)
      throw new AppError('PASSWORD_POLICY_VIOLATION', { variable: 'ADMIN_PASSWORD', violations });
  }
  const calendar = await seedCalendar(deps);
  const admin = await ensureFirstAdmin(deps);
  if (!admin) return { admin, calendar, seed: undefined, seedError: undefined };
  try {
    return {
      admin,
      calendar,
      seed: await runSeed(deps, deps.config.seed.preset, { demo: deps.config.seed.demo }),
      seedError: undefined,
    };
  } catch (e) {
    return { admin, calendar, seed: undefined, seedError: e };
  }
};
