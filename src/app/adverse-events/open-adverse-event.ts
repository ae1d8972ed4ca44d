import {
  basisKey,
  type AdverseEvent,
  type DecisionBasis,
  type EvaluationTrigger,
  type ReportData,
  type ReportFacts,
} from '../../domain/adverse-event/adverse-event';
import {
  DEFAULT_ADVERSE_EVENT_POLICY,
  EVENT_TYPE_WEIGHT,
  findJurisdictions,
  type AdverseEventPolicy,
  type AdverseEventType,
} from '../../domain/adverse-event/adverse-event-policy';
import { decideAdverseEventDeadlines } from '../../domain/adverse-event/decide-adverse-event-deadlines';
import type { Complaint } from '../../domain/complaint/complaint';
import type { RuleHit } from '../../domain/shared/rule-hit';
import type { Executor, Tx } from '../../db/client';
import { adverseEventRepo } from '../../db/repos/adverse-event.repo';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { policyRepo } from '../../db/repos/policy.repo';
import { productRepo } from '../../db/repos/product.repo';
import { appendAudit } from '../audit/append-audit';
import { complaintEvents, findRoleOwners } from '../complaints/complaint-events';
import { loadComplaintSettings } from '../complaints/complaint-settings';
import { complaintScopeOf } from '../complaints/get-complaint';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';
import { emitEvents } from '../platform/emit-events';

export type OpenVia = EvaluationTrigger['via'];

export type OpenResult = {
  readonly evaluation: AdverseEvent;
  /** True when this call created the evaluation; false when it extended one (or changed nothing). */
  readonly created: boolean;
  /** Decision rows this call added. */
  readonly added: number;
  readonly rules: readonly RuleHit[];
};

const CLOCK_SKEW_MS = 5 * 60_000;

/** The adverse-event policy in force (its stored version), the default when none was saved. */
export const loadAdverseEventPolicy = async (ex: Executor): Promise<AdverseEventPolicy> => {
  const row = await policyRepo.find(ex, 'adverse_event_policy');
  return (row?.value as AdverseEventPolicy | undefined) ?? DEFAULT_ADVERSE_EVENT_POLICY;
};

/**
 * Opens the adverse-event evaluation of a complaint, or extends the one it has (one per complaint), inside the
 * caller's transaction with the complaint row locked (R-AE-2): the deadlines of the event type in each jurisdiction
 * of the product become decision rows; rows that exist already stay as they are. The evaluation shows the heaviest
 * event type it was opened for; added rows put it back to `evaluating`. Audited; the quality engineers are told at once
 * (`adverse_event.opened` and a `complaint.escalated` notification). A call that adds nothing writes nothing.
 */
export const openAdverseEventInTx = async (
  deps: Deps,
  tx: Tx,
  ctx: UseCaseContext,
  complaint: Complaint,
  input: { readonly eventType: AdverseEventType; readonly awareAt: Date; readonly via: OpenVia },
): Promise<OpenResult> => {
  const now = deps.clock.now();
  const settings = await loadComplaintSettings(deps.db, tx);
  const policy = await loadAdverseEventPolicy(tx);
  const product = complaint.product.id ? await productRepo.findById(tx, complaint.product.id) : undefined;
  const jurisdictions = findJurisdictions(policy, product?.code ?? complaint.product.code);
  const decided = decideAdverseEventDeadlines(input.eventType, input.awareAt, policy, {
    calendar: settings.calendar,
    jurisdictions,
  });
  if (!decided.ok) {
    const { code, ...details } = decided.error;
    throw new AppError(code, { ...details, rule: 'R-AE-2' });
  }
  const existing = await adverseEventRepo.findByComplaint(tx, complaint.id);
  const have = new Set(existing?.decisions.map((d) => basisKey(d.jurisdiction, d.reportKind)) ?? []);
  const fresh = decided.value.filter((d) => !have.has(basisKey(d.jurisdiction, d.reportKind)));
  const heavier =
    existing !== undefined && EVENT_TYPE_WEIGHT[input.eventType] > EVENT_TYPE_WEIGHT[existing.eventType];
  if (existing && fresh.length === 0 && !heavier)
    return { evaluation: existing, created: false, added: 0, rules: [] };

  const id = existing?.id ?? newId(now.getTime());
  const basis: Record<string, DecisionBasis> = { ...existing?.reportData.basis };
  for (const d of fresh)
    basis[basisKey(d.jurisdiction, d.reportKind)] = {
      form: d.form,
      label: d.label,
      duration: d.duration,
      source: d.source,
      confidence: d.confidence,
      provisional: d.provisional,
      rules: d.rules,
    };
  const trigger: EvaluationTrigger = {
    eventType: input.eventType,
    awareAt: input.awareAt.toISOString(),
    at: now.toISOString(),
    via: input.via,
  };
  const reportData: ReportData = {
    facts: existing?.reportData.facts ?? {},
    basis,
    triggers: [...(existing?.reportData.triggers ?? []), trigger],
  };
  const rows = fresh.map((d) => ({
    id: newId(now.getTime()),
    adverseEventId: id,
    jurisdiction: d.jurisdiction,
    reportKind: d.reportKind,
    dueAt: d.dueAt,
  }));
  const eventType = existing && !heavier ? existing.eventType : input.eventType;
  if (existing) {
    await adverseEventRepo.insertDecisions(tx, rows);
    await adverseEventRepo.update(tx, id, {
      eventType,
      reportData,
      ...(rows.length > 0 && { status: 'evaluating', closedAt: null }),
    });
  } else {
    await adverseEventRepo.insert(
      tx,
      {
        id,
        complaintId: complaint.id,
        eventType,
        awareAt: input.awareAt,
        status: 'evaluating',
        reportData,
        openedAt: now,
      },
      rows,
    );
  }
  const rules: RuleHit[] = [
    {
      rule: 'R-AE-2',
      detail: `${existing ? 'evaluation extended' : 'evaluation opened'}: ${input.eventType}`,
    },
    ...fresh.flatMap((d) => d.rules),
  ];
  const due = fresh.map((d) => ({
    jurisdiction: d.jurisdiction,
    reportKind: d.reportKind,
    dueAt: d.dueAt.toISOString(),
  }));
  await appendAudit(tx, ctx, now, [
    {
      entityType: 'adverse_event',
      entityId: id,
      action: existing ? 'adverse_event.extended' : 'adverse_event.opened',
      before: existing ? { eventType: existing.eventType, status: existing.status } : null,
      after: { complaintId: complaint.id, ...trigger, eventTypeShown: eventType, decisions: due, rules },
    },
  ]);
  const first = [...fresh].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
  await emitEvents(tx, now, [
    {
      type: 'adverse_event.opened',
      aggregateType: 'adverse_event',
      aggregateId: id,
      payload: {
        complaintId: complaint.id,
        number: complaint.number,
        eventType: input.eventType,
        awareAt: input.awareAt.toISOString(),
        via: input.via,
        extended: existing !== undefined,
        decisions: due,
      },
    },
  ]);
  if (first) {
    const summary = `不良事件评价 Adverse-event evaluation (${input.eventType}): ${first.jurisdiction} ${first.reportKind} due ${first.dueAt.toISOString()}`;
    for (const owner of await findRoleOwners(tx, 'quality_engineer'))
      await emitEvents(tx, now, complaintEvents(complaint, ['escalated'], now, { owner, summary }));
  }
  const evaluation = await adverseEventRepo.findById(tx, id);
  if (!evaluation) throw new Error('adverse event vanished inside its own transaction');
  return { evaluation, created: !existing, added: rows.length, rules };
};

/**
 * R-AE-1 → R-AE-2 at once: a complaint that records death or serious injury on a medical device (the product is
 * flagged `medical_device`, or the medical preset is in force) gets its evaluation in the same transaction. Called
 * from registration and triage (awareness = receipt of the complaint) and from a correction of the injury answer
 * (awareness = now). Returns the rules that fired (none when nothing applies or nothing is new).
 */
export const openAdverseEventOnInjury = async (
  deps: Deps,
  tx: Tx,
  ctx: UseCaseContext,
  complaint: Complaint,
  via: Exclude<OpenVia, 'manual'>,
): Promise<readonly RuleHit[]> => {
  if (complaint.injury !== 'death' && complaint.injury !== 'serious') return [];
  const product = complaint.product.id ? await productRepo.findById(tx, complaint.product.id) : undefined;
  if (!product?.medicalDevice && (await loadComplaintSettings(deps.db, tx)).preset !== 'medical') return [];
  const awareAt = via === 'updated' ? deps.clock.now() : complaint.receivedAt;
  const eventType: AdverseEventType = complaint.injury === 'death' ? 'death' : 'serious_injury';
  return (await openAdverseEventInTx(deps, tx, ctx, complaint, { eventType, awareAt, via })).rules;
};

export type OpenAdverseEventInput = {
  readonly eventType: AdverseEventType;
  readonly awareAt?: Date | undefined;
  readonly facts?: ReportFacts | undefined;
};

/**
 * Opens (or extends) an evaluation by hand (R-AE-2): a group event, a malfunction that could cause serious injury, a
 * public-health threat, or an injury the record did not show. Awareness defaults to now and cannot lie in the future.
 */
export const openAdverseEvent = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
  input: OpenAdverseEventInput,
): Promise<OpenResult> => {
  assertPermission(ctx.actor, 'adverse_event.manage');
  const scope = complaintScopeOf(ctx);
  const now = deps.clock.now();
  const awareAt = input.awareAt ?? now;
  if (awareAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw new AppError('ADVERSE_EVENT_AWARE_AT_INVALID', {
      awareAt: awareAt.toISOString(),
      now: now.toISOString(),
    });
  return deps.db.transaction(async (tx) => {
    if (!(await complaintRepo.findById(tx, complaintId, scope))) throw new AppError('COMPLAINT_NOT_FOUND');
    const complaint = await complaintRepo.findByIdForUpdate(tx, complaintId);
    if (!complaint) throw new AppError('COMPLAINT_NOT_FOUND');
    const opened = await openAdverseEventInTx(deps, tx, ctx, complaint, {
      eventType: input.eventType,
      awareAt,
      via: 'manual',
    });
    if (!input.facts) return opened;
    const facts = { ...opened.evaluation.reportData.facts, ...input.facts };
    await adverseEventRepo.update(tx, opened.evaluation.id, {
      reportData: { ...opened.evaluation.reportData, facts },
    });
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'adverse_event',
        entityId: opened.evaluation.id,
        action: 'adverse_event.facts_updated',
        before: opened.evaluation.reportData.facts,
        after: facts,
      },
    ]);
    const evaluation = (await adverseEventRepo.findById(tx, opened.evaluation.id)) ?? opened.evaluation;
    return { ...opened, evaluation };
  });
};
