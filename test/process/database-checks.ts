import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../src/db/client';
import { findNotificationRoute } from '../../src/channels/notify/notification-routes';

const ident = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `"${name}"`;
};

export type OrphanCount = { readonly relation: string; readonly orphans: number };

/**
 * Rows that point at a complaint that does not exist. Every `*complaint_id` column of every table is checked
 * (found in the catalogue, so tables added later are covered too — with or without a foreign key), plus the
 * references without a foreign key by design: audit rows and outbox events name their complaint as text, and a
 * complaint names the complaint it follows up or duplicates.
 */
export const findOrphans = async (db: Db): Promise<OrphanCount[]> => {
  const ex = db.reader();
  const columns = await rowsOf<{ table_name: string; column_name: string }>(
    ex,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and column_name like '%complaint_id' and table_name <> 'complaints'
        order by table_name, column_name`,
  );
  const checks: { relation: string; query: string }[] = columns.map((c) => ({
    relation: `${c.table_name}.${c.column_name}`,
    query: `select count(*)::int as n from ${ident(c.table_name)} t where t.${ident(c.column_name)} is not null
            and not exists (select 1 from complaints c where c.id::text = t.${ident(c.column_name)}::text)`,
  }));
  checks.push(
    {
      relation: 'audit_log (entity_type complaint)',
      query: `select count(*)::int as n from audit_log a where a.entity_type = 'complaint'
              and not exists (select 1 from complaints c where c.id::text = a.entity_id)`,
    },
    {
      relation: 'outbox_events (aggregate_type complaint)',
      query: `select count(*)::int as n from outbox_events o where o.aggregate_type = 'complaint'
              and not exists (select 1 from complaints c where c.id::text = o.aggregate_id)`,
    },
    {
      relation: 'complaints.linked_from_id / duplicate_of_id',
      query: `select count(*)::int as n from complaints x where
              (x.linked_from_id is not null and not exists (select 1 from complaints c where c.id = x.linked_from_id))
              or (x.duplicate_of_id is not null and not exists (select 1 from complaints c where c.id = x.duplicate_of_id))`,
    },
    {
      relation: 'complaint_links.from_id / to_id',
      query: `select count(*)::int as n from complaint_links l where
              not exists (select 1 from complaints c where c.id = l.from_id)
              or not exists (select 1 from complaints c where c.id = l.to_id)`,
    },
  );
  const result: OrphanCount[] = [];
  for (const c of checks) {
    const [row] = await rowsOf<{ n: number }>(ex, sql.raw(c.query));
    result.push({ relation: c.relation, orphans: Number(row?.n ?? 0) });
  }
  return result;
};

export type HalfWritten = {
  readonly complaints: number;
  /** Complaints without exactly one `complaint.registered` audit row. */
  readonly withoutRegisteredAudit: number;
  /** Complaints without exactly one `complaint.registered` outbox event. */
  readonly withoutRegisteredEvent: number;
  /** Complaints (kind complaint) without any deadline clock. */
  readonly withoutClocks: number;
};

/** The other direction: a complaint whose intake transaction left out part of what it writes. */
export const findHalfWritten = async (db: Db): Promise<HalfWritten> => {
  const [row] = await rowsOf<Record<keyof HalfWritten, number>>(
    db.reader(),
    sql`select
          count(*)::int as "complaints",
          count(*) filter (where (select count(*) from audit_log a where a.entity_type = 'complaint'
            and a.entity_id = c.id::text and a.action = 'complaint.registered') <> 1)::int as "withoutRegisteredAudit",
          count(*) filter (where (select count(*) from outbox_events o where o.aggregate_type = 'complaint'
            and o.aggregate_id = c.id::text and o.type = 'complaint.registered') <> 1)::int as "withoutRegisteredEvent",
          count(*) filter (where c.kind = 'complaint' and not exists
            (select 1 from complaint_deadlines d where d.complaint_id = c.id))::int as "withoutClocks"
        from complaints c`,
  );
  return {
    complaints: Number(row?.complaints ?? 0),
    withoutRegisteredAudit: Number(row?.withoutRegisteredAudit ?? 0),
    withoutRegisteredEvent: Number(row?.withoutRegisteredEvent ?? 0),
    withoutClocks: Number(row?.withoutClocks ?? 0),
  };
};

export type NumberCheck = {
  readonly year: number;
  readonly complaints: number;
  readonly distinctSeq: number;
  readonly minSeq: number;
  readonly maxSeq: number;
  readonly counterLast: number | null;
};

/** Complaint numbers per year (R-INT-3): unique, gapless from 1, and the counter row at the last one. */
export const checkNumbers = async (db: Db): Promise<NumberCheck[]> => {
  const rows = await rowsOf<{
    year: number;
    n: number;
    distinct_seq: number;
    min_seq: number;
    max_seq: number;
    last: number | null;
  }>(
    db.reader(),
    sql`select c.year, count(*)::int as n, count(distinct c.seq)::int as distinct_seq, min(c.seq)::int as min_seq,
          max(c.seq)::int as max_seq, (select k.last from complaint_counters k where k.year = c.year)::int as last
        from complaints c group by c.year order by c.year`,
  );
  return rows.map((r) => ({
    year: Number(r.year),
    complaints: Number(r.n),
    distinctSeq: Number(r.distinct_seq),
    minSeq: Number(r.min_seq),
    maxSeq: Number(r.max_seq),
    counterLast: r.last === null ? null : Number(r.last),
  }));
};

/** True when the numbers of every year are 1…n without a gap or a repeat and the counter stands at n. */
export const numbersAreGapless = (checks: readonly NumberCheck[]): boolean =>
  checks.every(
    (c) =>
      c.complaints === c.distinctSeq &&
      c.minSeq === 1 &&
      c.maxSeq === c.complaints &&
      c.counterLast === c.maxSeq,
  );

export type OutboxEventRow = { readonly id: string; readonly type: string; readonly status: string };

export const listOutboxEvents = (db: Db): Promise<OutboxEventRow[]> =>
  rowsOf<OutboxEventRow>(
    db.reader(),
    sql`select id::text as id, type, status from outbox_events order by id`,
  );

export type DeliveryCheck = {
  /** Events in the outbox that the webhook subscribes to. */
  readonly routed: number;
  readonly delivered: number;
  /** Routed events the receiver never got. */
  readonly missing: readonly string[];
  /** Event ids received more than once, with the count. */
  readonly duplicates: readonly { id: string; times: number }[];
  /** Event ids received that are not routed events of this outbox. */
  readonly unexpected: readonly string[];
  /** Events still pending or dead-lettered. */
  readonly notDelivered: readonly OutboxEventRow[];
};

/**
 * Compares the outbox with what a webhook receiver got (`X-Closeloop-Event-Id` of each request): every event the
 * webhook subscribes to is received, none twice, nothing else; and every event is settled as delivered.
 */
export const checkDeliveries = (
  events: readonly OutboxEventRow[],
  receivedIds: readonly string[],
): DeliveryCheck => {
  const routed = events.filter((e) => findNotificationRoute(e.type)?.route.webhook === true);
  const counts = new Map<string, number>();
  for (const id of receivedIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const routedIds = new Set(routed.map((e) => e.id));
  return {
    routed: routed.length,
    delivered: events.filter((e) => e.status === 'delivered').length,
    missing: routed.filter((e) => !counts.has(e.id)).map((e) => e.id),
    duplicates: [...counts].filter(([, times]) => times > 1).map(([id, times]) => ({ id, times })),
    unexpected: [...counts.keys()].filter((id) => !routedIds.has(id)),
    notDelivered: events.filter((e) => e.status !== 'delivered'),
  };
};
