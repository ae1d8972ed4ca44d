import type { Role } from '../identity/roles';
import type { RuleHit } from '../shared/rule-hit';
import type { CompensationKind } from './compensation-policy';

/** What has to be done to carry out an agreed solution (R-RES-7, R-RES-9). */
export const EXECUTION_TASK_KINDS = [
  'refund',
  'pay_cash',
  'ship_replacement',
  'repair',
  'ship_products',
  'issue_voucher',
  'credit_points',
  'extend_warranty',
  'record_discount',
  'send_gift',
] as const;
export type ExecutionTaskKind = (typeof EXECUTION_TASK_KINDS)[number];

/** Tasks that pay money out: finance marks them paid. */
export const PAYMENT_TASK_KINDS: readonly ExecutionTaskKind[] = ['refund', 'pay_cash'];

const TASK_OF: Readonly<Record<CompensationKind, { kind: ExecutionTaskKind; owner: Role } | null>> = {
  refund: { kind: 'refund', owner: 'finance' },
  price_difference: { kind: 'refund', owner: 'finance' },
  cash: { kind: 'pay_cash', owner: 'finance' },
  replacement: { kind: 'ship_replacement', owner: 'service_manager' },
  repair: { kind: 'repair', owner: 'engineer' },
  company_products: { kind: 'ship_products', owner: 'service_manager' },
  voucher: { kind: 'issue_voucher', owner: 'service_manager' },
  points: { kind: 'credit_points', owner: 'service_manager' },
  extended_warranty: { kind: 'extend_warranty', owner: 'service_manager' },
  future_order_discount: { kind: 'record_discount', owner: 'finance' },
  thanks_gift: { kind: 'send_gift', owner: 'service_manager' },
  apology: null,
};

export type PlannedTask = {
  readonly kind: ExecutionTaskKind;
  readonly optionKind: CompensationKind;
  readonly amountFen: number;
  readonly ownerRole: Role;
  readonly dueAt: Date;
};

/**
 * R-RES-7 / R-RES-9: the execution tasks of the options the customer agreed to, each with an owner role and the
 * agreed execution date as its deadline. An apology needs no task (it was given with the proposal); money goes to
 * finance, goods and vouchers to the service manager, repairs to engineering.
 */
export const planExecutionTasks = (
  agreed: readonly { readonly kind: CompensationKind; readonly amountFen: number }[],
  dueAt: Date,
): { readonly tasks: readonly PlannedTask[]; readonly rules: readonly RuleHit[] } => {
  const tasks: PlannedTask[] = [];
  for (const o of agreed) {
    const t = TASK_OF[o.kind];
    if (t)
      tasks.push({
        kind: t.kind,
        optionKind: o.kind,
        amountFen: Math.max(0, o.amountFen),
        ownerRole: t.owner,
        dueAt,
      });
  }
  return {
    tasks,
    rules: [{ rule: 'R-RES-9', detail: tasks.map((t) => t.kind).join(',') || 'nothing_to_execute' }],
  };
};

/** R-RES-9: an open task past its due date is non-performance; it is escalated once. */
export const isNonPerformance = (
  task: { readonly status: string; readonly dueAt: Date; readonly escalatedAt: Date | null },
  now: Date,
): boolean => task.status === 'open' && task.dueAt.getTime() < now.getTime() && task.escalatedAt === null;
