import type { RuleHit } from '../shared/rule-hit';

/** What the write-off decision reads of one execution task of the proposal. */
export type WriteOffTask = {
  readonly status: string;
  readonly amountFen: number;
};

export type WriteOffDecision =
  | {
      readonly ready: true;
      /** What finance writes off: the amounts of the tasks carried out (cancelled ones are not paid). */
      readonly amountFen: number;
      readonly doneTasks: number;
      readonly rules: readonly RuleHit[];
    }
  | {
      readonly ready: false;
      readonly reason: 'not_approved' | 'tasks_open' | 'nothing_carried_out';
      readonly openTasks: number;
      readonly rules: readonly RuleHit[];
    };

/**
 * Whether a proposal's 产品质量处理核销申报表 can be made (seed 004 售后服务程序: after the agreed compensation is carried
 * out the department collects the customer's documents and fills in the write-off application; R-RPT-3 lists the form):
 * the proposal is approved (R-APR-1), none of its execution tasks is still open (R-RES-9), and at least one was
 * carried out — an apology alone costs nothing to write off.
 */
export const decideWriteOff = (proposalStatus: string, tasks: readonly WriteOffTask[]): WriteOffDecision => {
  const openTasks = tasks.filter((t) => t.status === 'open').length;
  const done = tasks.filter((t) => t.status === 'done');
  if (proposalStatus !== 'approved')
    return {
      ready: false,
      reason: 'not_approved',
      openTasks,
      rules: [{ rule: 'R-APR-1', detail: `proposal_${proposalStatus}` }],
    };
  if (openTasks > 0)
    return {
      ready: false,
      reason: 'tasks_open',
      openTasks,
      rules: [{ rule: 'R-RES-9', detail: `${openTasks}_tasks_open` }],
    };
  if (done.length === 0)
    return {
      ready: false,
      reason: 'nothing_carried_out',
      openTasks,
      rules: [{ rule: 'R-RPT-3', detail: 'no_task_done' }],
    };
  return {
    ready: true,
    amountFen: done.reduce((sum, t) => sum + t.amountFen, 0),
    doneTasks: done.length,
    rules: [
      { rule: 'R-RES-9', detail: 'all_tasks_done' },
      { rule: 'R-RPT-3', detail: 'write_off_form' },
    ],
  };
};

/** `HX-2026-000001`: 核销 HX, the (company time zone) year the last task was done, the gapless sequence of that year. */
export const formatWriteOffNumber = (year: number, seq: number): string =>
  `HX-${year}-${String(seq).padStart(6, '0')}`;
