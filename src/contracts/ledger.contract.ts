import { z } from 'zod';

export const LEDGER_GROUPINGS = ['complaint', 'customer', 'product', 'party', 'month'] as const;

const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM')
  .describe('Booking month YYYY-MM (Asia/Shanghai), inclusive');

export const ZLedgerQuery = z
  .strictObject({
    groupBy: z.enum(LEDGER_GROUPINGS).default('month'),
    from: ZMonth.optional(),
    to: ZMonth.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from is after to', path: ['from'] });

const ZSignedFen = z.number().int().describe('Integer fen, net of reversals');

const ZLedgerAmounts = {
  proposedFen: ZSignedFen,
  approvedFen: ZSignedFen,
  agreedFen: ZSignedFen,
  paidFen: ZSignedFen,
};

export const ZLedgerView = z
  .object({
    groupBy: z.enum(LEDGER_GROUPINGS),
    from: z.string().nullable(),
    to: z.string().nullable(),
    rows: z.array(
      z.object({
        key: z
          .string()
          .describe(
            "complaint id, customer id, product id ('' = none on record), `<partyKind>:<partyName>` or YYYY-MM",
          ),
        label: z.string(),
        ...ZLedgerAmounts,
      }),
    ),
    totals: z.object(ZLedgerAmounts),
  })
  .meta({ id: 'CompensationLedger' });
