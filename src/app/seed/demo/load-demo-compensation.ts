import type { UserActor } from '../../../domain/identity/actor';
import type { Role } from '../../../domain/identity/roles';
import {
  PAYMENT_TASK_KINDS,
  type ExecutionTaskKind,
} from '../../../domain/compensation/plan-execution-tasks';
import { complaintQueueRepo } from '../../../db/repos/complaint-queue.repo';
import { completeExecutionTask } from '../../compensation/execution-tasks';
import { getCompensation } from '../../compensation/get-compensation';
import { proposeCompensation } from '../../compensation/propose-compensation';
import { issueSigningChallenge, signProposal } from '../../compensation/sign-proposal';
import { transitionComplaint } from '../../complaints/transition-complaint';
import type { UseCaseContext } from '../../context';
import type { Deps } from '../../deps';
import { DEMO_USERS } from '../base-preset';
import { investigateForDemo, openDemoCorrectiveAction } from './demo-quality-records';
import { loadDemoActor, loadDemoStaff } from './load-demo-staff';

const DAY = 86_400_000;

/**
 * One demo complaint taken through the compensation loop of issues 5 and 6, so a fresh `npm start` shows it: the
 * earliest Sales-East complaint under investigation with no earlier proposal gets the policy engine's proposal (the
 * quality engineer proposes: the department manager may not sign his own, R-APR-2 four eyes), every approval step is
 * signed electronically by the demo user holding its role with the demo password (R-APR-1, R-APR-2), the customer
 * accepts the first option (R-RES-7), finance or the service manager completes each execution task with a voucher or
 * waybill (R-RES-9) — which numbers the 产品质量处理核销申报表 (R-RPT-3) — and the complaint is resolved. Skipped, with
 * the reason, when the password is not known (the demo users existed before this run) or no such complaint exists.
 */
export const loadDemoCompensation = async (
  deps: Deps,
  preset: string,
  password: string | undefined,
): Promise<string[]> => {
  if (!password)
    return ['demo compensation: skipped (the demo users existed before, their password is unknown)'];
  const staff = await loadDemoStaff(deps);
  if (!staff) return ['demo compensation: skipped (the base demo users are missing or disabled)'];
  const as = (actor: UserActor): UseCaseContext => ({ actor, requestId: `seed:${preset}:demo` });
  // A first proposal (review level 0): a re-proposal after the customer said no must come from the next reviewer (R-ESC-2).
  const complaint = (
    await complaintQueueRepo.list(
      deps.db.reader(),
      {
        scope: { kind: 'all' },
        statuses: ['investigating'],
        departmentId: staff.departmentIds.salesEast,
        major: false,
      },
      'receivedAt',
      undefined,
      20,
    )
  ).find((c) => c.reviewLevel === 0);
  if (!complaint) return ['demo compensation: skipped (no Sales-East complaint under investigation)'];

  const holders = new Map<string, UserActor>();
  const holderOf = async (role: string): Promise<UserActor> => {
    const known = holders.get(role);
    if (known) return known;
    const username = DEMO_USERS.find(([, , r]) => r === (role as Role))?.[0];
    const actor = username ? await loadDemoActor(deps, username) : undefined;
    if (!actor) throw new Error(`demo compensation: no demo user holds ${role}`);
    holders.set(role, actor);
    return actor;
  };

  await investigateForDemo(deps, as(staff.qualityEngineer), complaint.id);
  let view = await proposeCompensation(deps, as(staff.qualityEngineer), complaint.id, {
    facts: { verificationDone: true },
    note: '演示数据：按补偿政策生成的方案',
  });
  const signers: string[] = [];
  for (let guard = 0; view.current?.status === 'pending_approval' && guard < 10; guard += 1) {
    const role = view.current.waitingFor[0];
    if (!role) break;
    const signer = await holderOf(role);
    const challenge = await issueSigningChallenge(deps, as(signer), view.current.id);
    view = await signProposal(deps, as(signer), view.current.id, {
      challengeId: challenge.challengeId,
      proposalHash: challenge.proposalHash,
      meaning: 'approve',
      password,
      role,
    });
    signers.push(signer.username);
  }
  const proposal = view.current;
  if (proposal?.status !== 'approved') throw new Error('demo compensation: the proposal was not approved');

  const handler = staff.eastManager;
  const move = (actor: UserActor, input: Parameters<typeof transitionComplaint>[3]) =>
    transitionComplaint(deps, as(actor), complaint.id, input);
  await move(handler, { type: 'send_to_customer' });
  const option = proposal.options[0];
  await move(staff.agentEast, {
    type: 'customer_accept',
    executionDueAt: new Date(deps.clock.now().getTime() + 3 * DAY),
    terms: `顾客电话确认接受：${option?.description ?? '按方案处理'}，三日内执行完毕。`,
    optionIndex: 0,
  });
  await move(handler, { type: 'start_execution' });
  const tasks = (await getCompensation(deps, as(handler), complaint.id)).tasks.filter(
    (t) => t.status === 'open',
  );
  for (const [i, task] of tasks.entries()) {
    const payment = PAYMENT_TASK_KINDS.includes(task.kind as ExecutionTaskKind);
    // Finance marks payments; the service manager, who may complete any task, records goods, repairs and vouchers.
    await completeExecutionTask(
      deps,
      as(payment ? await holderOf('finance') : staff.serviceManager),
      task.id,
      {
        reference: payment ? `FK-DEMO-${String(i + 1).padStart(3, '0')}` : `SF${String(1_000_000_000 + i)}`,
        note: payment ? '已转账' : '已寄出',
      },
    );
  }
  await move(handler, { type: 'resolve', summary: `已按审批通过的方案处理：${option?.description ?? ''}` });
  const writeOffNo = (await getCompensation(deps, as(handler), complaint.id)).current?.writeOffNo;
  const capaNo = await openDemoCorrectiveAction(
    deps,
    as(staff.qualityEngineer),
    complaint.id,
    await holderOf('engineer'),
    deps.config.defaultTimeZone,
  );
  return [
    `demo compensation: ${complaint.number} investigated (filed), proposed by the engine, signed by ${signers.join(', ') || 'nobody (no approval needed)'}, carried out (${tasks.length} task${tasks.length === 1 ? '' : 's'}) and resolved; ${writeOffNo ? `write-off application ${writeOffNo}` : 'nothing to write off'}; corrective action ${capaNo}`,
  ];
};
