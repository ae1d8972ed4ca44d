import type { UserActor } from '../../../domain/identity/actor';
import type { Customer } from '../../../domain/reference/customer';
import type { Product } from '../../../domain/reference/product';
import { customerHistoryRepo } from '../../../db/repos/customer-history.repo';
import { addCommunication } from '../../complaints/add-communication';
import { openComplaint } from '../../complaints/open-complaint';
import { transitionComplaint, type TransitionInput } from '../../complaints/transition-complaint';
import type { UseCaseContext } from '../../context';
import type { Deps } from '../../deps';
import { hasPermission } from '../../identity/assert-permission';
import { createRandom, seedOf, type Random } from './create-random';
import type { DemoDataset, DemoStory } from './demo-dataset';
import { DEMO_PLAN, decideDemoSteps, decideDemoTimes, type DemoPlanEntry, type DemoStep } from './demo-plan';
import type { DemoReference } from './load-demo-reference';
import { loadDemoStaff, type DemoStaff } from './load-demo-staff';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** R-APR-1: plans worth this much or more (200 yuan) need a second person's approval. */
const APPROVAL_FROM_FEN = 20_000;
// Customers of the south and south-west call the South agent and go to quality; all others are the East team's.
const SOUTH: readonly string[] = ['华南', '西南'];

type Handler = { readonly actor: UserActor; readonly departmentId: string };

/** One demo complaint on its way: the story, who handles it and its steps in time. */
type Run = {
  readonly entry: DemoPlanEntry;
  readonly story: DemoStory;
  readonly customer: Customer;
  readonly product: Product | undefined;
  readonly agent: UserActor;
  readonly team: Handler;
  readonly receivedAt: Date;
  readonly requiresApproval: boolean;
  readonly steps: readonly { readonly step: DemoStep; readonly at: Date }[];
  id?: string;
  major?: boolean;
};

const dateOnly = (d: Date): string => d.toISOString().slice(0, 10);

const pickCustomer = (
  story: DemoStory,
  ref: DemoReference,
  used: Map<string, number>,
  rng: Random,
): Customer => {
  const byKey = story.customer ? ref.customers.get(story.customer) : undefined;
  if (byKey) return byKey;
  // At most two complaints per consumer: a third would be an R-MAL-1 frequency signal.
  const free = [...ref.customers.entries()].filter(
    ([, c]) => c.type === 'consumer' && (used.get(c.id) ?? 0) < 2,
  );
  const [, chosen] = rng.pick(free.length > 0 ? free : [...ref.customers.entries()]);
  return chosen;
};

const planRuns = (data: DemoDataset, ref: DemoReference, staff: DemoStaff, now: Date): Run[] => {
  const rng = createRandom(seedOf(`${data.prefix}:complaints`));
  const used = new Map<string, number>();
  const nextOfTag = new Map<string, number>();
  return DEMO_PLAN.map((entry) => {
    const stories = data.stories.filter((s) => s.tag === entry.tag);
    const n = nextOfTag.get(entry.tag) ?? 0;
    nextOfTag.set(entry.tag, n + 1);
    const story = stories[n % stories.length];
    if (!story) throw new Error(`demo ${data.prefix} has no ${entry.tag} story`);
    const customer = pickCustomer(story, ref, used, rng);
    used.set(customer.id, (used.get(customer.id) ?? 0) + 1);
    const south = SOUTH.includes(customer.region ?? '');
    const total = story.solution.reduce((sum, o) => sum + o.amountFen, 0);
    const requiresApproval =
      entry.variant === 'approval_pending' || entry.tag === 'major' || total >= APPROVAL_FROM_FEN;
    const steps = decideDemoSteps(entry, requiresApproval);
    // Calls of earlier days spread over the day; recent ones stay close to their age (their clocks are the point).
    const jitterMinutes = entry.ageHours >= 48 ? rng.int(0, 300) : rng.int(0, 20);
    const receivedAt = new Date(now.getTime() - Math.round(entry.ageHours * HOUR) - jitterMinutes * 60_000);
    const times = decideDemoTimes(receivedAt, now, steps, entry.pace ?? 1);
    return {
      entry,
      story,
      customer,
      product: ref.products.get(story.product),
      agent: south ? staff.agentSouth : staff.agentEast,
      team: south
        ? { actor: staff.qualityEngineer, departmentId: staff.departmentIds.qa }
        : { actor: staff.eastManager, departmentId: staff.departmentIds.salesEast },
      receivedAt,
      requiresApproval,
      steps: steps.map((step, i) => ({ step, at: times[i] ?? now })),
    };
  });
};

/**
 * Runs a preset's demo complaints through the real use-cases, as the demo users would (DEMO_PLAN: every lifecycle
 * state). Each step runs on a clock set to the moment it happened, all steps of all complaints in time order, so
 * numbers, clocks and the audit trail read like history: some deadlines met, some in warning, some breached for
 * the sweep to escalate. Skipped when the demo customers already have complaints (the demo was loaded) or when
 * the base preset's demo users are missing.
 */
export const loadDemoComplaints = async (
  deps: Deps,
  preset: string,
  data: DemoDataset,
  ref: DemoReference,
): Promise<string[]> => {
  const customerIds = [...ref.customers.values()].map((c) => c.id);
  const stats = await customerHistoryRepo.stats(deps.db.reader(), customerIds);
  if ([...stats.values()].some((s) => s.complaints > 0)) return ['demo complaints: already loaded, skipped'];
  const staff = await loadDemoStaff(deps);
  if (!staff) return ['demo complaints: skipped (the base demo users are missing or disabled)'];

  const now = deps.clock.now();
  let simulated = now;
  const sim: Deps = { ...deps, clock: { now: () => new Date(simulated) } };
  const as = (actor: UserActor): UseCaseContext => ({ actor, requestId: `seed:${preset}:demo` });
  const runs = planRuns(data, ref, staff, now);
  const timeline = runs
    .flatMap((run) => run.steps.map((s) => ({ run, ...s })))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const rng = createRandom(seedOf(`${data.prefix}:steps`));

  for (const { run, step, at } of timeline) {
    simulated = at;
    const handler: Handler = run.major
      ? { actor: staff.serviceManager, departmentId: staff.departmentIds.cs }
      : run.team;
    const move = async (actor: UserActor, input: TransitionInput) => {
      const detail = await transitionComplaint(sim, as(actor), run.id ?? '', input);
      run.major = detail.complaint.major;
    };
    const log = (actor: UserActor, summary: string, acknowledges: boolean) =>
      addCommunication(sim, as(actor), run.id ?? '', {
        channel: 'phone',
        direction: 'outbound',
        summary,
        acknowledges,
        progress: false,
      });
    const { story } = run;
    switch (step) {
      case 'register': {
        const result = await openComplaint(sim, as(run.agent), {
          kind: story.kind ?? 'complaint',
          channel: story.channel,
          receivedAt: run.receivedAt,
          receivedOutsideCustomerService: story.channel === 'store' || story.channel === 'dealer',
          customer: {
            id: run.customer.id,
            name: run.customer.name,
            phone: run.customer.phone,
            email: run.customer.email,
            address: run.customer.address,
            type: run.customer.type,
            tier: run.customer.tier,
            specialGroup: run.customer.specialGroup,
          },
          product: {
            id: run.product?.id,
            batchNo: story.batch ?? null,
            serialNo:
              run.product && (run.product.warrantyMonths ?? 0) > 0
                ? `SN${rng.int(10_000_000, 99_999_999)}`
                : null,
            purchaseDate: dateOnly(new Date(run.receivedAt.getTime() - rng.int(3, 120) * DAY)),
            purchasePlace: story.purchasePlace ?? null,
            proofOfPurchase: story.tag !== 'invalid',
          },
          problem: {
            description: story.description,
            symptom: story.symptom ?? null,
            scope: story.scope ?? 'single_unit',
          },
          demands: story.demands,
          claimedAmountFen: story.claimedAmountFen ?? null,
          injury: story.injury ?? 'none',
          flags: story.flags ?? [],
          customFields: story.customFields ?? {},
        });
        run.id = result.complaint.id;
        run.major = result.complaint.major;
        break;
      }
      case 'acknowledge':
        await log(
          run.agent,
          '已致电顾客致歉，告知投诉编号与处理时限，复述问题并请顾客保留实物与购物凭证。',
          true,
        );
        break;
      case 'triage':
        await move(run.agent, {
          type: 'triage',
          classification: {
            nature: story.nature,
            severity: story.severity,
            ...(story.tag === 'major' && { major: true }),
            validity:
              story.validity ??
              (story.tag === 'misuse'
                ? 'no_quality_problem'
                : story.tag === 'invalid'
                  ? 'not_our_product'
                  : 'valid'),
            responsibilityStage: story.stage,
            misuse: story.tag === 'misuse',
          },
        });
        break;
      case 'assign': {
        const owner: Handler = run.major
          ? { actor: staff.serviceManager, departmentId: staff.departmentIds.cs }
          : run.team;
        await move(run.agent, {
          type: 'assign',
          departmentId: owner.departmentId,
          assigneeId: owner.actor.userId,
        });
        break;
      }
      case 'contact':
        await log(handler.actor, '负责人回电顾客，核实产品、批号与购买凭证，约定取回样品或上门查看。', false);
        break;
      case 'investigate':
        await move(handler.actor, { type: 'start_investigation' });
        break;
      case 'wait':
        await move(handler.actor, { type: 'wait_on_customer', reason: '等待顾客寄回问题样品及购物小票' });
        break;
      case 'propose':
        await move(handler.actor, {
          type: 'propose_solution',
          options: story.solution,
          note: run.requiresApproval ? '金额超出部门权限，提交审批' : undefined,
          requiresApproval: run.requiresApproval,
        });
        break;
      case 'approve': {
        const approver =
          run.major || handler.actor.userId === staff.serviceManager.userId
            ? staff.generalManager
            : staff.serviceManager;
        await move(approver, { type: 'approve_solution' });
        break;
      }
      case 'send':
        await move(handler.actor, { type: 'send_to_customer' });
        break;
      case 'accept':
        await move(run.agent, {
          type: 'customer_accept',
          executionDueAt: new Date(at.getTime() + 3 * DAY),
          terms: '顾客电话确认接受处理方案，约定三日内执行完毕。',
        });
        break;
      case 'reject':
        await move(run.agent, { type: 'customer_reject', reason: '顾客认为补偿不足，要求重新评估处理方案' });
        break;
      case 'execute':
        await move(handler.actor, { type: 'start_execution' });
        break;
      case 'resolve':
        await move(handler.actor, { type: 'resolve', summary: story.outcome });
        break;
      case 'follow_up':
        await move(run.agent, { type: 'start_follow_up' });
        break;
      case 'satisfied':
        await move(run.agent, {
          type: 'record_follow_up',
          satisfied: true,
          csat: rng.int(4, 5),
          comment: '顾客对处理结果表示满意。',
        });
        break;
      case 'unsatisfied':
        await move(run.agent, {
          type: 'record_follow_up',
          satisfied: false,
          csat: 2,
          comment: '更换后同样问题再次出现，顾客不满意',
        });
        break;
      case 'explain': {
        const closer = hasPermission(handler.actor, 'complaint.close') ? handler.actor : staff.serviceManager;
        await move(closer, { type: 'explain', reason: story.outcome });
        break;
      }
      case 'not_valid':
        await move(staff.serviceManager, { type: 'declare_not_valid', reason: story.outcome });
        break;
      case 'withdraw':
        await move(run.agent, { type: 'withdraw', reason: story.outcome });
        break;
    }
  }
  const reopened = runs.filter((r) => r.entry.target === 'reopened').length;
  const byTarget = new Map<string, number>();
  for (const r of runs) byTarget.set(r.entry.target, (byTarget.get(r.entry.target) ?? 0) + 1);
  return [
    `demo complaints: ${runs.length + reopened} created (${[...byTarget].map(([s, n]) => `${s} ${n}`).join(', ')}; ${reopened} reopened as a new registered complaint)`,
  ];
};
