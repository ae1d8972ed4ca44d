import { decideBatchCaseStep } from '../../domain/batch/batch-case-workflow';
import type { SealTask } from '../../domain/batch/batch-case-records';
import { batchCaseRepo, sealTaskRepo } from '../../db/repos/batch-case-workflow.repo';
import { recallRepo } from '../../db/repos/recall.repo';
import { userRepo } from '../../db/repos/user.repo';
import { appendAudit, type AuditEntry } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';
import { emitEvents } from '../platform/emit-events';
import {
  factsOf,
  linkedComplaintScope,
  loadBatchCaseView,
  loadShipmentsByRegion,
  type BatchCaseView,
} from './batch-case-view';

/** Default time to finish sealing a region when the request names none: the same day (24 h). */
const DEFAULT_SEAL_HOURS = 24;

export type SealRegionInput = {
  readonly region: string;
  readonly expectedQuantity?: number | undefined;
  readonly ownerId?: string | undefined;
  readonly dueAt?: Date | undefined;
};

export type CreateSealTasksInput = {
  /** Regions to seal; absent: every region the batch was shipped to. */
  readonly regions?: readonly SealRegionInput[] | undefined;
  readonly dueAt?: Date | undefined;
};

/**
 * R-BAT-4 下架封存: one seal task per region — by default every region the batch was shipped to, expecting the units
 * shipped there — with an owner and a due time. A region that has a task already keeps it (repeating the request
 * changes nothing). The first seal confirms the case: `open` → `investigating`. Refused on a closed case; a batch
 * with no shipments needs the regions named (SEAL_REGIONS_EMPTY).
 */
export const createSealTasks = async (
  deps: Deps,
  ctx: UseCaseContext,
  caseId: string,
  input: CreateSealTasksInput,
): Promise<BatchCaseView> => {
  assertPermission(ctx.actor, 'batch.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const c = await batchCaseRepo.findByIdForUpdate(tx, caseId);
    if (!c) throw new AppError('BATCH_CASE_NOT_FOUND');
    const existing = await sealTaskRepo.listByCase(tx, caseId);
    const step = decideBatchCaseStep(factsOf(c, existing, await recallRepo.findByCase(tx, caseId)), {
      type: 'quarantine',
    });
    if (!step.ok) throw new AppError(step.error.code, step.error.details);

    const shipped = new Map((await loadShipmentsByRegion(tx, c)).map((s) => [s.region, s.quantity]));
    const wanted: SealRegionInput[] = input.regions
      ? [...input.regions]
      : [...shipped.keys()].map((region) => ({ region }));
    if (wanted.length === 0) throw new AppError('SEAL_REGIONS_EMPTY', { batchNo: c.batchNo });
    for (const w of wanted)
      if (w.ownerId && !(await userRepo.findById(tx, w.ownerId)))
        throw new AppError('USER_NOT_FOUND', { ownerId: w.ownerId });

    const defaultDue = input.dueAt ?? new Date(now.getTime() + DEFAULT_SEAL_HOURS * 3_600_000);
    const seen = new Set(existing.map((t) => t.region));
    const rows = [];
    for (const w of wanted) {
      if (seen.has(w.region)) continue;
      seen.add(w.region);
      rows.push({
        id: newId(now.getTime()),
        caseId,
        region: w.region,
        ownerId: w.ownerId ?? null,
        status: 'open',
        expectedQuantity: w.expectedQuantity ?? shipped.get(w.region) ?? null,
        dueAt: w.dueAt ?? defaultDue,
        note: null,
        createdAt: now,
      });
    }
    const inserted = new Set(await sealTaskRepo.insertMissing(tx, rows));
    const created = rows.filter((r) => inserted.has(r.id));

    const audit: AuditEntry[] = created.map((t) => ({
      entityType: 'seal_task',
      entityId: t.id,
      action: 'seal_task.created',
      after: { ...t, caseNumber: c.number, rules: step.value.rules },
    }));
    if (step.value.next !== c.status && created.length > 0) {
      await batchCaseRepo.update(tx, caseId, { status: step.value.next });
      audit.push({
        entityType: 'batch_case',
        entityId: caseId,
        action: 'batch_case.quarantine_started',
        before: { status: c.status },
        after: { status: step.value.next, rules: step.value.rules },
      });
    }
    if (created.length > 0)
      await emitEvents(tx, now, [
        {
          type: 'batch.seal_requested',
          aggregateType: 'batch_case',
          aggregateId: caseId,
          payload: {
            caseId,
            number: c.number,
            batchNo: c.batchNo,
            tasks: created.map((t) => ({
              id: t.id,
              region: t.region,
              ownerId: t.ownerId,
              expectedQuantity: t.expectedQuantity,
              dueAt: t.dueAt.toISOString(),
            })),
          },
        },
      ]);
    await appendAudit(tx, ctx, now, audit);
    return loadBatchCaseView(tx, (await batchCaseRepo.findById(tx, caseId))!, now, linkedComplaintScope(ctx));
  });
};

/**
 * R-BAT-4: the region reports its stock sealed, with the sealed quantity (it may differ from what was shipped there:
 * some was sold). Refused when the task is done already or the case is closed.
 */
export const completeSealTask = async (
  deps: Deps,
  ctx: UseCaseContext,
  taskId: string,
  input: { readonly sealedQuantity: number; readonly note?: string | undefined },
): Promise<SealTask> => {
  assertPermission(ctx.actor, 'batch.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const task = await sealTaskRepo.findByIdForUpdate(tx, taskId);
    if (!task) throw new AppError('SEAL_TASK_NOT_FOUND');
    const c = await batchCaseRepo.findByIdForUpdate(tx, task.caseId);
    if (!c) throw new AppError('SEAL_TASK_NOT_FOUND');
    if (task.status !== 'open')
      throw new AppError('SEAL_TASK_NOT_OPEN', { doneAt: task.doneAt?.toISOString() });
    const tasks = await sealTaskRepo.listByCase(tx, c.id);
    const step = decideBatchCaseStep(factsOf(c, tasks, await recallRepo.findByCase(tx, c.id)), {
      type: 'complete_seal',
    });
    if (!step.ok) throw new AppError(step.error.code, step.error.details);
    const doneBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    const note = input.note ?? null;
    await sealTaskRepo.complete(tx, taskId, { sealedQuantity: input.sealedQuantity, note, doneBy }, now);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'seal_task',
        entityId: taskId,
        action: 'seal_task.done',
        before: { status: 'open' },
        after: {
          status: 'done',
          caseId: c.id,
          region: task.region,
          expectedQuantity: task.expectedQuantity,
          sealedQuantity: input.sealedQuantity,
          note,
          rules: step.value.rules,
        },
      },
    ]);
    return { ...task, status: 'done', sealedQuantity: input.sealedQuantity, note, doneBy, doneAt: now };
  });
};
