import {
  decideAfterHoursHandling,
  isUrgentByDefault,
  type AfterHoursDecision,
} from '../../domain/classification/decide-after-hours-handling';
import { findDuplicateCandidates } from '../../domain/classification/score-duplicate';
import {
  suggestClassification,
  type ClassificationSuggestion,
} from '../../domain/classification/suggest-classification';
import { formatComplaintNumber, type Complaint } from '../../domain/complaint/complaint';
import { decideTransition } from '../../domain/complaint/decide-transition';
import type {
  LifecycleActor,
  LifecycleCommandType,
  LifecycleState,
} from '../../domain/complaint/lifecycle-types';
import type { Customer } from '../../domain/reference/customer';
import { normaliseCustomerPhone } from '../../domain/reference/normalise-customer-phone';
import { buildSearchTerms } from '../../domain/search/build-search-terms';
import {
  isWithinBusinessHours,
  nextWorkingInstant,
  toCalendarLocalTime,
} from '../../domain/sla/business-calendar';
import type { RuleHit } from '../../domain/shared/rule-hit';
import { jsonInsert } from '../../db/insert-json-rows';
import { deadlineRepo } from '../../db/repos/deadline.repo';
import { complaintLinks, kpiEvents } from '../../db/schema/complaint.table';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { customerRepo } from '../../db/repos/customer.repo';
import { intakeContextRepo } from '../../db/repos/intake-context.repo';
import { openAdverseEventOnInjury } from '../adverse-events/open-adverse-event';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { newId } from '../new-id';
import { recordChange } from '../platform/record-change';
import { randomToken, sha256Hex } from '../secrets';
import { advanceClockRows, mergeEventTimes, type TimedEvent } from './advance-clocks';
import { complaintEvents, findRoleOwners, type NotificationOwner } from './complaint-events';
import { allowedActionsFor, describeDeadlines, type DeadlineDetail } from './get-complaint';
import {
  lastLoadedComplaintSettings,
  loadComplaintSettings,
  type ComplaintSettings,
} from './complaint-settings';
import { assertCustomFields, intakeRow, type IntakeInput } from './intake-input';
import { lifecycleAppError } from './lifecycle-error';

export type { IntakeInput } from './intake-input';

export type IntakeResult = {
  readonly complaint: Complaint;
  /** Shown once to whoever registered: the customer's key to the portal. Only its hash is stored. */
  readonly trackingToken: string;
  readonly suggestion: ClassificationSuggestion;
  readonly afterHours: AfterHoursDecision;
  readonly duplicates: readonly {
    readonly id: string;
    readonly number: string;
    readonly similarity: number;
  }[];
  readonly rules: readonly RuleHit[];
  /** The clocks started and what the registering actor may do next: the answer needs no second read. */
  readonly deadlines: readonly DeadlineDetail[];
  readonly allowedActions: readonly LifecycleCommandType[];
};

const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Registers one complaint from any channel (R-INT-1: every channel ends in the same record and process), in one
 * transaction: the customer archive is linked or started (R-RES-6), the system suggests a classification that a
 * person confirms later (R-CLS-1..3), the after-hours rule is applied (R-INT-5), a gapless number is given
 * (R-INT-3), the complaint is received and registered (clocks R-SLA-1, -5, -8, -9, -13… start), re-submissions
 * are suggested as links (R-INT-3), and the change is audited and announced (R-FUP-1).
 */
export const registerComplaint = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: IntakeInput,
  lifecycleActor: LifecycleActor,
  options: { intakeDepartmentId: string | null; reporterId: string | null; customerSubmitted?: boolean },
): Promise<IntakeResult> => {
  const now = deps.clock.now();
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS || receivedAt.getFullYear() < 2000) {
    throw new AppError('RECEIVED_AT_INVALID', {
      receivedAt: receivedAt.toISOString(),
      now: now.toISOString(),
    });
  }
  const trackingToken = randomToken(24);
  return deps.db.transaction(async (tx) => {
    const phoneNorm = input.customer.phone ? normaliseCustomerPhone(input.customer.phone) : null;
    // One read: the catalogue product, the customer archive entry, this caller's earlier complaints — repeats for
    // the classification (R-CLS-3, R-MAL-1) and re-submission candidates (R-INT-3) — and the settings probe. The
    // duplicate window is the one of the settings last loaded; read again if the settings in force widened it.
    const readContext = (windowDays: number) =>
      intakeContextRepo.read(tx, {
        productId: input.product.id ?? null,
        customerId: input.customer.id ?? null,
        phoneNorm,
        fallbackProductCode: input.product.code ?? null,
        countSince: new Date(receivedAt.getTime() - 90 * 86_400_000),
        candidatesSince: new Date(receivedAt.getTime() - windowDays * 86_400_000),
        candidateLimit: 50,
      });
    const guessedWindow = lastLoadedComplaintSettings(deps.db)?.duplicate.windowDays ?? 90;
    let known = await readContext(guessedWindow);
    const settings: ComplaintSettings = await loadComplaintSettings(deps.db, tx, known.settingsStamp);
    if (settings.duplicate.windowDays > guessedWindow)
      known = await readContext(settings.duplicate.windowDays);
    const candidatesSince = receivedAt.getTime() - settings.duplicate.windowDays * 86_400_000;
    const candidates = known.candidates.filter((c) => c.receivedAt.getTime() >= candidatesSince);
    // Customers on the portal cannot know every staff field (VIN, UDI…): staff complete them later.
    assertCustomFields(settings.customFields, input.customFields, !options.customerSubmitted);

    const product = known.product;
    if (input.product.id && !product)
      throw new AppError('COMPLAINT_REFERENCE_NOT_FOUND', { productId: input.product.id });
    let customer: { id: string; tier: string; specialGroup: string | null } | null = known.customer;
    if (input.customer.id && !customer)
      throw new AppError('COMPLAINT_REFERENCE_NOT_FOUND', { customerId: input.customer.id });
    const rules: RuleHit[] = [];
    if (!customer && phoneNorm) {
      const started: Customer = {
        id: newId(now.getTime()) as never,
        code: null,
        name: input.customer.name,
        type: input.customer.type,
        tier: input.customer.tier ?? 'new',
        specialGroup: input.customer.specialGroup ?? null,
        phone: input.customer.phone ?? null,
        phoneNorm,
        email: input.customer.email ?? null,
        address: input.customer.address ?? null,
        region: null,
        company: null,
        contacts: [],
        notes: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await customerRepo.insertMany(tx, [started]);
      customer = started;
      rules.push({ rule: 'R-RES-6', detail: 'customer archive started' });
    }

    const productCode = product?.code ?? input.product.code ?? null;
    const suggestion = suggestClassification(
      {
        description: input.problem.description,
        kind: input.kind,
        injury: input.injury,
        flags: input.flags,
        claimedAmountFen: input.claimedAmountFen ?? null,
        productPriceFen: product?.priceFen ?? null,
        priorComplaintsSameUnit90d: known.sameUnit,
        priorComplaintsSameCustomer90d: known.sameCustomer,
        scope: input.problem.scope,
        channel: input.channel,
        customerType: input.customer.type,
      },
      settings.classification,
    );
    const urgent = input.urgent ?? isUrgentByDefault(suggestion, input.injury);
    const afterHours = decideAfterHoursHandling({
      receivedAt,
      urgent,
      withinBusinessHours: isWithinBusinessHours(settings.calendar, receivedAt),
      nextBusinessStart: nextWorkingInstant(settings.calendar, receivedAt),
    });

    const year = Number(toCalendarLocalTime(settings.calendar, receivedAt).date.slice(0, 4));
    const id = newId(now.getTime());
    const received: LifecycleState = {
      status: 'received',
      kind: input.kind,
      injury: input.injury,
      classified: false,
      major: suggestion.major,
      departmentId: null,
      assigneeId: null,
      reviewLevel: 0,
      proposers: [],
      proposal: null,
      waitingOnCustomer: false,
    };
    const registered = decideTransition(
      received,
      { type: 'register' },
      { now, actor: lifecycleActor, reviewChain: settings.reviewChain },
    );
    if (!registered.ok) throw lifecycleAppError(registered.error);
    // R-INT-5: a non-urgent complaint after hours runs the normal process from the next working morning, so its
    // clocks start then (the record keeps the true received and registered times).
    const clockFrom = afterHours.handling === 'next_working_day' ? afterHours.processFrom : null;
    const clockTime = (t: Date): Date => (clockFrom && t.getTime() < clockFrom.getTime() ? clockFrom : t);
    const events: TimedEvent[] = [
      { type: 'received', at: clockTime(receivedAt) },
      ...registered.value.events
        .filter((e) => e !== 'received')
        .map((type) => ({ type, at: clockTime(now) })),
    ];
    const values = intakeRow(input, {
      id,
      year,
      status: registered.value.next.status,
      receivedAt,
      now,
      reporterId: options.reporterId,
      intakeDepartmentId: options.intakeDepartmentId,
      afterHours,
      urgent,
      customer,
      product,
      phoneNorm,
      productCode,
      suggestion,
      trackingTokenHash: sha256Hex(trackingToken),
      eventTimes: mergeEventTimes({}, events),
      defaultLocale: deps.config.defaultLocale,
    });
    // Nothing is written before the number (below): the complaint, its clocks and links are known in memory first.
    const draft = complaintRepo.asStored(values);
    rules.push(...suggestion.reasons, ...afterHours.reasons, ...registered.value.rules);
    const clocks = await advanceClockRows(tx, draft, events, settings, { fresh: true });
    rules.push(...clocks.rules);

    const duplicates = findDuplicateCandidates(
      {
        id: draft.id,
        phone: draft.customer.phone,
        // Portal forms rarely carry a product code: the product name stands in for it.
        productCode: draft.product.code ?? draft.product.name,
        batch: draft.product.batchNo,
        description: draft.problem.description,
        receivedAt: draft.receivedAt,
      },
      candidates,
      settings.duplicate,
    );
    const links = duplicates.map((d) => ({
      id: newId(now.getTime()),
      fromId: id,
      toId: d.candidate.id,
      kind: 'duplicate',
      status: 'suggested',
      similarity: Math.round(d.similarity * 100),
      reasons: [...d.reasons],
      createdAt: now,
    }));

    // R-INT-5: urgent after hours → the duty leaders now; R-CLS-3: a major complaint → the GM is informed.
    const alertRoles = [
      ...(afterHours.handling === 'notify_on_call_now' ? ['service_manager'] : []),
      ...(suggestion.major ? ['general_manager'] : []),
    ];
    const alerts: { role: string; owners: NotificationOwner[] }[] = [];
    for (const role of alertRoles) alerts.push({ role, owners: await findRoleOwners(tx, role) });

    // R-INT-3: the year's counter row stays locked until commit and every other intake waits for it, so the number
    // is taken as late as possible, in the one statement that stores the complaint with its clocks and links; only
    // the audit row and the events are written after it.
    const numbered = await complaintRepo.insertNumbered(
      tx,
      { ...values, nextDueAt: clocks.summary.nextDueAt, breached: clocks.summary.breached },
      buildSearchTerms([
        input.customer.name,
        input.problem.description,
        input.product.name ?? product?.name,
        input.product.batchNo,
      ]),
      [
        deadlineRepo.insertStatement(clocks.rows),
        jsonInsert(kpiEvents, clocks.kpi, { onConflictDoNothing: true }),
        jsonInsert(complaintLinks, links),
      ],
      known.auditChain,
    );
    if (numbered.number !== formatComplaintNumber(year, numbered.seq))
      throw new Error(`number ${numbered.number} is not ${formatComplaintNumber(year, numbered.seq)}`);
    const complaint: Complaint = numbered.complaint;
    rules.push(...(await openAdverseEventOnInjury(deps, tx, ctx, complaint, 'registered')));
    if (duplicates.length > 0)
      rules.push({
        rule: 'R-INT-3',
        detail: `${duplicates.length} possible re-submission(s) suggested for linking`,
      });

    await recordChange(
      tx,
      ctx,
      now,
      [
        {
          entityType: 'complaint',
          entityId: id,
          action: 'complaint.registered',
          after: {
            number: complaint.number,
            status: complaint.status,
            channel: complaint.channel,
            kind: complaint.kind,
            injury: complaint.injury,
            rules,
          },
        },
      ],
      [
        ...complaintEvents(
          complaint,
          events.map((e) => e.type),
          now,
          { owner: null, trackingToken },
        ),
        ...alerts.flatMap(({ role, owners }) => {
          const summary = `${role === 'general_manager' ? '重大投诉 Major complaint' : '非工作时间紧急投诉 Urgent after hours'}: ${complaint.problem.description}`;
          return owners.flatMap((owner) =>
            complaintEvents(complaint, ['escalated'], now, { owner, summary }),
          );
        }),
      ],
      // The head read with the number is current unless an adverse event wrote audit rows since (R-AE-1).
      complaint.injury === 'serious' || complaint.injury === 'death' ? undefined : numbered.auditHead,
    );
    return {
      complaint,
      trackingToken,
      suggestion,
      afterHours,
      duplicates: duplicates.map((d) => ({
        id: d.candidate.id,
        number: d.candidate.number,
        similarity: d.similarity,
      })),
      rules,
      deadlines: describeDeadlines(clocks.rows, settings, now),
      allowedActions: allowedActionsFor(complaint, ctx.actor, settings, now),
    };
  });
};
