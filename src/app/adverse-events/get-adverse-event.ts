import type { AdverseEvent } from '../../domain/adverse-event/adverse-event';
import type { ReportForm } from '../../domain/adverse-event/adverse-event-policy';
import {
  buildAdverseEventReport,
  type AdverseEventReport,
} from '../../domain/adverse-event/build-adverse-event-report';
import { findCloseBlocker, type CloseBlocker } from '../../domain/adverse-event/find-close-blocker';
import type { ComplaintStatus } from '../../domain/complaint/complaint-status';
import { adverseEventRepo } from '../../db/repos/adverse-event.repo';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { loadComplaintSettings } from '../complaints/complaint-settings';
import { complaintScopeOf } from '../complaints/get-complaint';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission, hasPermission } from '../identity/assert-permission';
import { decodeCursor, encodeCursor, toPage, type Page } from '../platform/paging';

/** An evaluation as the console shows it: with its complaint, what blocks closing, and the time it was read at. */
export type AdverseEventDetail = {
  readonly evaluation: AdverseEvent;
  readonly complaintNumber: string;
  readonly complaintStatus: ComplaintStatus;
  readonly productName: string | null;
  readonly blocker: CloseBlocker | undefined;
  readonly now: Date;
};

/** One evaluation (R-AE-2) with its decisions; 404 when it does not exist or its complaint is out of scope. */
export const getAdverseEvent = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
): Promise<AdverseEventDetail> => {
  assertPermission(ctx.actor, 'adverse_event.manage');
  const ex = deps.db.reader();
  const evaluation = await adverseEventRepo.findById(ex, id);
  const complaint = evaluation
    ? await complaintRepo.findById(ex, evaluation.complaintId, complaintScopeOf(ctx))
    : undefined;
  if (!evaluation || !complaint) throw new AppError('ADVERSE_EVENT_NOT_FOUND');
  return {
    evaluation,
    complaintNumber: complaint.number,
    complaintStatus: complaint.status,
    productName: complaint.product.name,
    blocker: findCloseBlocker(evaluation),
    now: deps.clock.now(),
  };
};

const SORT = 'openedAt';

/** Evaluations in scope, newest first; `open: true` = still evaluating (a decision is missing), `false` = decided. */
export const listAdverseEvents = async (
  deps: Deps,
  ctx: UseCaseContext,
  query: {
    readonly open?: boolean | undefined;
    readonly complaintId?: string | undefined;
    readonly limit: number;
    readonly cursor?: string | undefined;
  },
): Promise<Page<AdverseEventDetail>> => {
  assertPermission(ctx.actor, 'adverse_event.manage');
  const after = decodeCursor(query.cursor, SORT);
  const rows = await adverseEventRepo.list(
    deps.db.reader(),
    { open: query.open, complaintId: query.complaintId, scope: complaintScopeOf(ctx) },
    { after, limit: query.limit + 1 },
  );
  const now = deps.clock.now();
  const page = toPage(rows, query.limit, (last) => encodeCursor(SORT, last.openedAt, last.id));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      evaluation: r,
      complaintNumber: r.complaintNumber,
      complaintStatus: r.complaintStatus as ComplaintStatus,
      productName: r.productName,
      blocker: findCloseBlocker(r),
      now,
    })),
  };
};

/**
 * The key fields of one regulator form (nmpa, fda, eu) for an evaluation, filled from the complaint and the report
 * facts (R-AE-2). The initial reporter's contact details are masked for readers without `pii.reveal` (R-SEC-1).
 */
export const exportAdverseEvent = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  form: ReportForm,
): Promise<AdverseEventReport> => {
  assertPermission(ctx.actor, 'adverse_event.manage');
  const ex = deps.db.reader();
  const evaluation = await adverseEventRepo.findById(ex, id);
  const complaint = evaluation
    ? await complaintRepo.findById(ex, evaluation.complaintId, complaintScopeOf(ctx))
    : undefined;
  if (!evaluation || !complaint) throw new AppError('ADVERSE_EVENT_NOT_FOUND');
  const settings = await loadComplaintSettings(deps.db, ex);
  return buildAdverseEventReport(form, {
    complaint,
    evaluation,
    revealPersonalData: hasPermission(ctx.actor, 'pii.reveal'),
    generatedAt: deps.clock.now(),
    timeZone: settings.calendar.timeZone,
  });
};
