import { formatEightDNumber, type CapaSourceType } from '../../domain/capa/capa-action';
import {
  decideEightDClose,
  decideEightDEdit,
  describeEightDCompleteness,
  type EightDContents,
  type EightDReport,
  type EightDSection,
} from '../../domain/capa/eight-d';
import type { RuleHit } from '../../domain/shared/rule-hit';
import { documentCounterRepo } from '../../db/repos/document-counter.repo';
import { eightDReportRepo, eightDSortColumns } from '../../db/repos/eight-d-report.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';
import { emitEvents } from '../platform/emit-events';
import { decodeCursor, encodeCursor, parseSort, toPage, type Page } from '../platform/paging';
import { actorIdOf, loadCapaClock } from './capa-context';
import { assertCapaSource } from './capa-source';

/** A report with what each section still lacks (R-CAPA-2) and the rules the last step applied. */
export type EightDView = EightDReport & {
  readonly completeness: Readonly<Record<EightDSection, readonly string[]>>;
  readonly rules: readonly RuleHit[];
};

const view = (r: EightDReport, rules: readonly RuleHit[] = []): EightDView => ({
  ...r,
  completeness: describeEightDCompleteness(r.sections),
  rules,
});

/**
 * Opens an 8D report 《质量异常分析改进8D报告》 (R-CAPA-2) for a serious case or at the customer's request
 * (`customerRequested`, R-BAT-2 "如客户有要求"), numbered 8D-YYYY-NNNN; the sections are filled in one by one.
 */
export const createEightDReport = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: {
    readonly sourceType: CapaSourceType;
    readonly sourceId?: string | null | undefined;
    readonly customerRequested: boolean;
    readonly title: string;
  },
): Promise<EightDView> => {
  assertPermission(ctx.actor, 'capa.manage');
  return deps.db.transaction(async (tx) => {
    const clock = await loadCapaClock(deps, tx);
    await assertCapaSource(tx, ctx, input.sourceType, input.sourceId ?? null);
    const year = Number(clock.today.slice(0, 4));
    const report: EightDReport = {
      id: newId(clock.now.getTime()),
      number: formatEightDNumber(year, await documentCounterRepo.next(tx, 'eight_d_report', year)),
      sourceType: input.sourceType,
      sourceId: input.sourceId ?? null,
      customerRequested: input.customerRequested,
      title: input.title,
      sections: {},
      status: 'open',
      createdBy: actorIdOf(ctx),
      createdAt: clock.now,
      updatedAt: clock.now,
      closedAt: null,
      version: 1,
    };
    await eightDReportRepo.insert(tx, report);
    const rules: RuleHit[] = [
      { rule: 'R-CAPA-2', detail: input.customerRequested ? 'customer_requested' : 'serious_case' },
    ];
    await appendAudit(tx, ctx, clock.now, [
      {
        entityType: 'eight_d_report',
        entityId: report.id,
        action: 'capa.eight_d_opened',
        after: { ...report, rules },
      },
    ]);
    await emitEvents(tx, clock.now, [
      {
        type: 'capa.eight_d_opened',
        aggregateType: 'eight_d_report',
        aggregateId: report.id,
        payload: { number: report.number, sourceType: report.sourceType, sourceId: report.sourceId },
      },
    ]);
    return view(report, rules);
  });
};

/**
 * Saves one section D0…D8 (a draft may be incomplete; the view lists what is missing). Needs the version the
 * client read (optimistic concurrency: two team members editing at once do not overwrite each other).
 */
export const updateEightDSection = async <S extends EightDSection>(
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  section: S,
  content: EightDContents[S],
  expectedVersion: number,
): Promise<EightDView> => {
  assertPermission(ctx.actor, 'capa.manage');
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const r = await eightDReportRepo.findByIdForUpdate(tx, id);
    if (!r) throw new AppError('EIGHT_D_NOT_FOUND');
    const allowed = decideEightDEdit(r);
    if (!allowed.ok) throw new AppError(allowed.error.code, allowed.error.details);
    if (r.version !== expectedVersion)
      throw new AppError('VERSION_CONFLICT', { expected: expectedVersion, actual: r.version });
    const updated = await eightDReportRepo.update(
      tx,
      id,
      { sections: { ...r.sections, [section]: content } },
      now,
    );
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'eight_d_report',
        entityId: id,
        action: 'capa.eight_d_section_saved',
        before: { [section]: r.sections[section] ?? null },
        after: { [section]: content },
      },
    ]);
    return view(updated);
  });
};

/** Closes the report once D1–D8 are complete (R-CAPA-2); otherwise 422 EIGHT_D_INCOMPLETE naming what is missing. */
export const closeEightDReport = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<EightDView> => {
  assertPermission(ctx.actor, 'capa.manage');
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const r = await eightDReportRepo.findByIdForUpdate(tx, id);
    if (!r) throw new AppError('EIGHT_D_NOT_FOUND');
    const decided = decideEightDClose(r);
    if (!decided.ok) throw new AppError(decided.error.code, decided.error.details);
    const updated = await eightDReportRepo.update(tx, id, { status: 'closed', closedAt: now }, now);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'eight_d_report',
        entityId: id,
        action: 'capa.eight_d_closed',
        before: { status: r.status },
        after: { status: 'closed', rules: decided.value.rules },
      },
    ]);
    await emitEvents(tx, now, [
      {
        type: 'capa.eight_d_closed',
        aggregateType: 'eight_d_report',
        aggregateId: id,
        payload: { number: r.number },
      },
    ]);
    return view(updated, decided.value.rules);
  });
};

export const getEightDReport = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<EightDView> => {
  assertPermission(ctx.actor, 'capa.read');
  const r = await eightDReportRepo.findById(deps.db.reader(), id);
  if (!r) throw new AppError('EIGHT_D_NOT_FOUND');
  return view(r);
};

export const listEightDReports = async (
  deps: Deps,
  ctx: UseCaseContext,
  query: {
    readonly status?: EightDReport['status'] | undefined;
    readonly sourceType?: CapaSourceType | undefined;
    readonly sourceId?: string | undefined;
    readonly sort: 'createdAt' | '-createdAt';
    readonly cursor?: string | undefined;
    readonly limit: number;
  },
): Promise<Page<EightDView>> => {
  assertPermission(ctx.actor, 'capa.read');
  const { key, direction } = parseSort<'createdAt'>(query.sort);
  const after = decodeCursor(query.cursor, query.sort);
  const rows = await eightDReportRepo.list(deps.db.reader(), query, {
    sort: { column: eightDSortColumns[key], direction },
    after,
    limit: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (last) => encodeCursor(query.sort, last[key], last.id));
  return { items: page.items.map((r) => view(r)), nextCursor: page.nextCursor };
};
