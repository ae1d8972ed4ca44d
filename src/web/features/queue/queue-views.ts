/** The queue's filters, saved views and chosen columns, kept in this browser (per user). */
export type QueueFilters = {
  readonly status?: string | undefined;
  readonly severity?: string | undefined;
  readonly mine?: boolean | undefined;
  readonly breached?: boolean | undefined;
  readonly major?: boolean | undefined;
  readonly escalated?: boolean | undefined;
  readonly batchNo?: string | undefined;
  readonly q?: string | undefined;
  readonly sort?: 'nextDue' | 'receivedAt' | '-receivedAt' | undefined;
};

export type SavedView = { readonly name: string; readonly filters: QueueFilters };

export const COLUMN_KEYS = [
  'number',
  'status',
  'severity',
  'customer',
  'phone',
  'product',
  'batch',
  'clock',
  'owner',
  'department',
  'received',
  'channel',
  'escalation',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];
export const DEFAULT_COLUMNS: readonly ColumnKey[] = [
  'number',
  'status',
  'severity',
  'customer',
  'product',
  'batch',
  'clock',
  'owner',
  'received',
  'escalation',
];

const read = <T>(key: string, fallback: T): T => {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
};
const write = (key: string, value: unknown): void => {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the choice lasts for this page only
  }
};

export const loadViews = (userId: string): SavedView[] => read(`closeloop.views.${userId}`, []);
export const storeViews = (userId: string, views: readonly SavedView[]): void =>
  write(`closeloop.views.${userId}`, views);
export const loadColumns = (userId: string): ColumnKey[] =>
  read<ColumnKey[]>(`closeloop.columns.${userId}`, [...DEFAULT_COLUMNS]).filter((c) =>
    (COLUMN_KEYS as readonly string[]).includes(c),
  );
export const storeColumns = (userId: string, columns: readonly ColumnKey[]): void =>
  write(`closeloop.columns.${userId}`, columns);

/** The API query for the filters (strings, as the querystring carries them). */
export const toApiQuery = (f: QueueFilters, cursor?: string) => ({
  status: f.status,
  severity: f.severity,
  assignee: f.mine ? 'me' : undefined,
  breached: f.breached ? 'true' : undefined,
  major: f.major ? 'true' : undefined,
  escalated: f.escalated ? 'true' : undefined,
  batchNo: f.batchNo,
  q: f.q,
  sort: f.sort,
  cursor,
  limit: 50,
});
