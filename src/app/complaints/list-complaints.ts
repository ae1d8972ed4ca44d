import { COMPLAINT_NUMBER_PATTERN, type Complaint } from '../../domain/complaint/complaint';
import { normaliseCustomerPhone } from '../../domain/reference/normalise-customer-phone';
import { buildSearchQuery } from '../../domain/search/build-search-terms';
import { complaintQueueRepo, type QueueFilter, type QueueSort } from '../../db/repos/complaint-queue.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { decodeCursor, encodeCursor, toPage, type Page } from '../platform/paging';
import { loadComplaintSettings } from './complaint-settings';
import { complaintScopeOf } from './get-complaint';

export type QueueQuery = {
  readonly statuses?: readonly string[] | undefined;
  readonly openOnly: boolean;
  readonly severities?: readonly string[] | undefined;
  readonly departmentId?: string | undefined;
  /** A user id, or 'me'. */
  readonly assignee?: string | undefined;
  readonly productId?: string | undefined;
  readonly batchNo?: string | undefined;
  readonly channel?: string | undefined;
  readonly kind?: string | undefined;
  readonly dueBefore?: Date | undefined;
  readonly breached?: boolean | undefined;
  readonly major?: boolean | undefined;
  readonly escalated?: boolean | undefined;
  readonly q?: string | undefined;
  readonly sort: QueueSort;
  readonly cursor?: string | undefined;
  readonly limit: number;
};

/** A queue row: the complaint, its nearest open clock (amber from warnAt, red from dueAt) and who owns it. */
export type QueueItem = {
  readonly complaint: Complaint;
  readonly nextClock: {
    readonly kind: string;
    readonly label: { readonly 'zh-CN': string; readonly en: string };
    readonly dueAt: Date;
    readonly warnAt: Date;
    readonly paused: boolean;
  } | null;
  readonly assigneeName: string | null;
  readonly departmentName: string | null;
};

/** Reads the search box: a complaint number, a phone number, or words of the name, product or description. */
const searchFilter = (q: string | undefined): Partial<QueueFilter> => {
  if (!q) return {};
  const text = q.trim();
  if (COMPLAINT_NUMBER_PATTERN.test(text.toUpperCase())) return { number: text.toUpperCase() };
  if (/^[+\d][\d\s-]{5,}$/.test(text)) {
    const phone = normaliseCustomerPhone(text);
    if (phone) return { phoneNorm: phone };
  }
  const tsquery = buildSearchQuery(text);
  return tsquery ? { text: { tsquery, substring: text } } : { customerName: text };
};

/**
 * The work queue (issue 3 §6): open complaints the actor may see (department scope, R-SEC-1), filtered, the next
 * due first, in cursor pages, with counts by status under the same filters.
 */
export const listComplaints = async (
  deps: Deps,
  ctx: UseCaseContext,
  query: QueueQuery,
): Promise<Page<QueueItem> & { counts: Record<string, number> | null }> => {
  const scope = complaintScopeOf(ctx);
  const me = ctx.actor.kind === 'user' ? ctx.actor.userId : undefined;
  const filter: QueueFilter = {
    scope,
    statuses: query.statuses,
    openOnly: query.openOnly && !(query.statuses && query.statuses.length > 0),
    severities: query.severities,
    departmentId: query.departmentId,
    assigneeId: query.assignee === 'me' ? (me ?? '00000000-0000-0000-0000-000000000000') : query.assignee,
    productId: query.productId,
    batchNo: query.batchNo,
    channel: query.channel,
    kind: query.kind,
    dueBefore: query.dueBefore,
    breached: query.breached,
    major: query.major,
    escalated: query.escalated,
    ...searchFilter(query.q),
  };
  const after = decodeCursor(query.cursor, query.sort);
  const ex = deps.db.reader();
  const rows = await complaintQueueRepo.list(
    ex,
    filter,
    query.sort,
    after && { value: after.value === null ? null : String(after.value), id: after.id },
    query.limit + 1,
  );
  const page = toPage(rows, query.limit, (last) =>
    encodeCursor(
      query.sort,
      query.sort === 'nextDue' ? (last.nextDueAt?.toISOString() ?? null) : last.receivedAt.toISOString(),
      last.id,
    ),
  );
  const extras = await complaintQueueRepo.pageExtras(ex, page.items);
  const settings = extras.clocks.size > 0 ? await loadComplaintSettings(deps.db, ex) : undefined;
  const items = page.items.map((complaint): QueueItem => {
    const clock = extras.clocks.get(complaint.id);
    const rule = clock && settings?.deadlinePolicy.rules.find((r) => r.kind === clock.kind);
    return {
      complaint,
      nextClock: clock ? { ...clock, label: rule?.label ?? { 'zh-CN': clock.kind, en: clock.kind } } : null,
      assigneeName: complaint.assigneeId ? (extras.names.get(complaint.assigneeId) ?? null) : null,
      departmentName: complaint.departmentId ? (extras.names.get(complaint.departmentId) ?? null) : null,
    };
  });
  // The counts are the same on every page: only the first page pays for them.
  return {
    items,
    nextCursor: page.nextCursor,
    counts: query.cursor === undefined ? await complaintQueueRepo.countByStatus(ex, filter) : null,
  };
};
