import { readdirSync, readFileSync } from 'node:fs';
import { parseHolidayCnYear, type HolidayCnYear } from '../../domain/sla/parse-holiday-cn-year';

/** The official holiday data shipped with Closeloop (holiday-cn, MIT; see resources/holiday-cn/PROVENANCE.md). */
const BUNDLED_DIR = new URL('../../../resources/holiday-cn/', import.meta.url);

/**
 * Every bundled `<year>.json`, parsed, in year order — placeholders for years whose notice was not yet published
 * included (`covered: false`). A bundled file that does not parse is a packaging fault, not a user error: throws.
 */
export const loadBundledHolidayYears = (): HolidayCnYear[] =>
  readdirSync(BUNDLED_DIR)
    .filter((name) => /^\d{4}\.json$/.test(name))
    .sort()
    .map((name) => {
      const parsed = parseHolidayCnYear(JSON.parse(readFileSync(new URL(name, BUNDLED_DIR), 'utf8')));
      if (!parsed.ok)
        throw new Error(`bundled holiday data ${name} is invalid: ${JSON.stringify(parsed.error)}`);
      return parsed.value;
    });
