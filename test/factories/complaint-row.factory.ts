import type { Deps } from '../../src/app/deps';
import { newId } from '../../src/app/new-id';
import { complaints } from '../../src/db/schema/complaint.table';

type ComplaintInsert = typeof complaints.$inferInsert;

let seq = 0;

/**
 * Inserts a complaint row straight into the table, with every NOT NULL column filled, for tests that read
 * complaints (customer archive, hotline look-up) without going through the intake use-case.
 */
export const insertComplaintRowFx = async (
  deps: Deps,
  overrides: Partial<ComplaintInsert> = {},
): Promise<ComplaintInsert & { id: string; number: string }> => {
  seq += 1;
  const receivedAt = overrides.receivedAt ?? new Date(Date.UTC(2026, 0, 1) + seq * 3_600_000);
  const year = overrides.year ?? receivedAt.getUTCFullYear();
  const row = {
    id: newId(receivedAt.getTime()),
    number: `KS-${year}-${String(seq).padStart(6, '0')}`,
    year,
    seq,
    kind: 'complaint',
    channel: 'hotline',
    status: 'registered',
    receivedAt,
    customerName: '测试顾客',
    customerType: 'consumer',
    description: '产品有问题',
    injury: 'none',
    createdAt: receivedAt,
    updatedAt: receivedAt,
    ...overrides,
  } satisfies ComplaintInsert;
  await deps.db.transaction(async (tx) => {
    await tx.insert(complaints).values(row);
  });
  return row;
};
