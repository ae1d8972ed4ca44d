import { timestamp } from 'drizzle-orm/pg-core';

/** Every time column: timestamptz, read as a JS Date (stored in UTC, shown in Asia/Shanghai by the clients). */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
