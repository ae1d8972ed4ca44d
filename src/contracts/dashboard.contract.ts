import { z } from 'zod';

export const ZDashboardQuery = z.strictObject({
  days: z.coerce.number().int().min(7).max(90).default(30).describe('Days of intake trend'),
});

export const ZDashboardView = z
  .object({
    timeZone: z.string(),
    today: z.string().describe('The local date (YYYY-MM-DD) the figures are for'),
    openByStatus: z.record(z.string(), z.number().int()),
    openBySeverity: z
      .record(z.string(), z.number().int())
      .describe('By severity code; `unclassified` for complaints not yet triaged'),
    openTotal: z.number().int(),
    breachedOpen: z.number().int().describe('Open complaints with a breached clock'),
    breachesToday: z.number().int().describe('Clocks that breached today (local day)'),
    trend: z.array(z.object({ day: z.string(), received: z.number().int(), closed: z.number().int() })),
    mine: z.object({ open: z.number().int(), breached: z.number().int() }).nullable(),
  })
  .meta({ id: 'Dashboard' });
