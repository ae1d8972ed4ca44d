import { isTerminal, type ComplaintEventType, type ComplaintStatus } from '../complaint/complaint-status';
import type { Channel, ComplaintKind, Injury, Nature, Scope } from '../complaint/complaint-vocabulary';
import type { DurationSpec } from './compute-due-at';

/**
 * Which complaints a clock applies to. Every field given must match (AND); `anyOf`, when given, needs at least one
 * of its conditions to match. A field about something not yet known (severity or nature still null) does not match.
 */
export type ClockCondition = {
  readonly kinds?: readonly ComplaintKind[];
  readonly severities?: readonly string[];
  readonly natures?: readonly Nature[];
  readonly major?: boolean;
  readonly channels?: readonly Channel[];
  readonly injury?: readonly Injury[];
  readonly scopes?: readonly Scope[];
  readonly receivedOutsideCustomerService?: boolean;
  readonly anyOf?: readonly ClockCondition[];
};

/** One deadline clock of the policy, as data an administrator can edit (DOMAIN §5). */
export type ClockRule = {
  /** Unique clock kind, normally the rule id (`R-SLA-9`); `R-SLA-6.contact` when one rule has several clocks. */
  readonly kind: string;
  /** The DOMAIN rule id this clock enforces and cites; defaults to `kind`. */
  readonly rule?: string;
  readonly label: { readonly 'zh-CN': string; readonly en: string };
  readonly startOn: readonly ComplaintEventType[];
  /**
   * Count from the first time this event happened rather than from the start event, when the clock can only be
   * known to apply later (R-SLA-7 counts from receipt even when the batch/serious class is set at triage).
   */
  readonly countFrom?: ComplaintEventType;
  /** The clock is met when one of these happens (even a terminal event such as `explained`). */
  readonly stopOn: readonly ComplaintEventType[];
  /** Meets the running period and starts the next one (R-SLA-10 progress notes). */
  readonly restartOn?: readonly ComplaintEventType[];
  readonly appliesTo?: ClockCondition;
  readonly duration: DurationSpec;
  /** Replaces `duration` for a severity class; wins over `durationByScope`. */
  readonly durationBySeverity?: Readonly<Record<string, DurationSpec>>;
  /** Replaces `duration` for a scope (`batch`). */
  readonly durationByScope?: Readonly<Record<string, DurationSpec>>;
  /**
   * The due date is the one agreed with the customer (R-RES-7), passed in `dueAtOverrides`; `duration` is only the
   * fallback when none is passed (and the decision says so), and tells how pauses extend it.
   */
  readonly agreedDueAt?: boolean;
  /** Share of the span after which the owner is warned (R-ESC-1); default 0.75. */
  readonly warnAtShare: number;
  /** A breach escalates one level (R-ESC-1) and counts against the department (R-KPI-2). */
  readonly escalates: boolean;
  /** Waiting on the customer pauses it. */
  readonly pausesWhileWaiting: boolean;
};

/** What the clocks need to know about a complaint (a projection of the record at the time of the event). */
export type ClockSubject = {
  readonly kind: ComplaintKind;
  /** Severity class of the configurable taxonomy (R-CLS-2); null until classified. */
  readonly severity: string | null;
  /** R-CLS-1 nature; null until classified. */
  readonly nature: Nature | null;
  /** R-CLS-3 major complaint. */
  readonly major: boolean;
  readonly channel: Channel;
  readonly injury: Injury;
  readonly scope: Scope;
  /** Received by someone outside the customer-service department (R-INT-4, R-SLA-1). */
  readonly receivedOutsideCustomerService: boolean;
};

export type DeadlinePolicy = {
  readonly name: string;
  readonly version: number;
  readonly rules: readonly ClockRule[];
};

/** Events that put a complaint in a terminal status: every clock they do not meet is cancelled, not met. */
export const TERMINAL_EVENT_STATUS: Readonly<Partial<Record<ComplaintEventType, ComplaintStatus>>> = {
  closed: 'closed',
  explained: 'explained',
  declared_not_valid: 'not_valid',
  withdrawn: 'withdrawn',
  reopened: 'reopened',
};

/** True when the event ends the complaint (closed, explained, not valid, withdrawn, reopened as a new complaint). */
export const isTerminalEvent = (event: ComplaintEventType): boolean => {
  const status = TERMINAL_EVENT_STATUS[event];
  return status !== undefined && isTerminal(status);
};

/** Events that pause and resume clocks; they cannot start, stop or restart one. */
export const PAUSE_EVENTS: readonly ComplaintEventType[] = ['waiting_on_customer', 'customer_responded'];

const wall = (minutes: number): DurationSpec => ({ mode: 'wall', minutes });
const workingDays = (days: number): DurationSpec => ({ mode: 'working_days', days });
const WARN = 0.75;

/**
 * The default deadline policy: DOMAIN §5's R-SLA table plus R-CLS-6 and R-RES-7, each a default an administrator can
 * change. Readings of the table (from the seed procedures):
 * - R-SLA-2 counts from registration, as the table and seed 002 say (登记后10分钟内通知区域业务经理).
 * - R-SLA-6 is two clocks (seed 004: 24 h 内再次联系, 48 h 内给用户答复): re-contact 24 h, answer 48 h, for individual
 *   (non-batch) defects; the answer is the plan sent to the customer, an explanation, or the resolution.
 * - R-SLA-4, R-SLA-7 and R-CLS-6 depend on a class often set only at triage, so they also start at triage but
 *   count from the event the table names (`countFrom`).
 * - R-SLA-9/12 "special" (特殊情况) is read as severity `special`; R-SLA-12 batch 48 h via scope.
 * - R-SLA-11 (batch case → investigation filed in 2 h) is not here: batch cases are not complaint events; the batch
 *   module will carry that clock.
 * - R-RES-7 runs to the execution date agreed with the customer; 7 working days only if none was recorded.
 * - R-APR-1: a compensation proposal under electronic approval must be signed within 1 working day; a new version
 *   restarts the clock, a rejection stops it.
 */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  name: 'default',
  version: 1,
  rules: [
    {
      kind: 'R-SLA-1',
      label: { 'zh-CN': '转交客服部登记', en: 'Hand-off to customer service' },
      startOn: ['received'],
      stopOn: ['registered'],
      appliesTo: { receivedOutsideCustomerService: true },
      duration: wall(30),
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: false,
    },
    {
      kind: 'R-SLA-2',
      label: { 'zh-CN': '通知区域业务经理', en: 'Notify the responsible manager' },
      startOn: ['registered'],
      stopOn: ['assignee_notified'],
      appliesTo: { kinds: ['complaint'] },
      duration: wall(10),
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: false,
    },
    {
      kind: 'R-SLA-3',
      label: { 'zh-CN': '经理回电顾客', en: 'Manager calls the customer back' },
      startOn: ['assigned'],
      stopOn: ['contacted'],
      appliesTo: { kinds: ['complaint'] },
      duration: wall(120),
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: false,
    },
    {
      kind: 'R-SLA-4',
      label: { 'zh-CN': '启动应急流程（安全）', en: 'Emergency process started (safety)' },
      startOn: ['registered', 'triaged'],
      countFrom: 'registered',
      stopOn: ['emergency_started'],
      appliesTo: { anyOf: [{ natures: ['safety'] }, { injury: ['serious', 'death'] }] },
      duration: wall(120),
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: false,
    },
    {
      kind: 'R-SLA-5',
      label: { 'zh-CN': '首次答复/受理', en: 'First answer / acceptance' },
      startOn: ['registered'],
      stopOn: ['acknowledged'],
      appliesTo: { kinds: ['complaint', 'inquiry', 'suggestion'] },
      duration: wall(24 * 60),
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: false,
    },
    {
      kind: 'R-SLA-6.contact',
      rule: 'R-SLA-6',
      label: { 'zh-CN': '个别缺陷：再次联系用户', en: 'Individual defect: contact the customer again' },
      startOn: ['registered'],
      stopOn: ['contacted'],
      appliesTo: { kinds: ['complaint'], scopes: ['single_unit', 'several_units'] },
      duration: wall(24 * 60),
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: false,
    },
    {
      kind: 'R-SLA-6.answer',
      rule: 'R-SLA-6',
      label: { 'zh-CN': '个别缺陷：给用户答复', en: 'Individual defect: answer the customer' },
      startOn: ['registered'],
      stopOn: ['sent_to_customer', 'explained', 'resolved'],
      appliesTo: { kinds: ['complaint'], scopes: ['single_unit', 'several_units'] },
      duration: wall(48 * 60),
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: true,
    },
    {
      kind: 'R-SLA-7',
      label: { 'zh-CN': '质量异常/专题报告发出', en: 'Abnormality / special report issued' },
      startOn: ['received', 'registered', 'triaged'],
      countFrom: 'received',
      stopOn: ['report_issued'],
      appliesTo: { anyOf: [{ scopes: ['batch'] }, { severities: ['serious'] }] },
      duration: wall(72 * 60),
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: false,
    },
    {
      kind: 'R-SLA-8',
      label: { 'zh-CN': '提出处理方案', en: 'Handling plan proposed' },
      startOn: ['registered'],
      stopOn: ['solution_proposed'],
      appliesTo: { kinds: ['complaint'] },
      duration: wall(72 * 60),
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: true,
    },
    {
      kind: 'R-SLA-9',
      label: { 'zh-CN': '一般投诉处理完毕', en: 'Complaint resolved' },
      startOn: ['registered'],
      stopOn: ['resolved'],
      appliesTo: { kinds: ['complaint'] },
      duration: workingDays(3),
      durationBySeverity: { special: workingDays(7) },
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: true,
    },
    {
      kind: 'R-SLA-10',
      label: { 'zh-CN': '未解决时汇报进度', en: 'Progress report while unresolved' },
      startOn: ['assigned'],
      stopOn: ['resolved'],
      restartOn: ['progress_noted'],
      appliesTo: { kinds: ['complaint'] },
      duration: workingDays(3),
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: true,
    },
    {
      kind: 'R-SLA-12',
      label: { 'zh-CN': '退回不良品分析完成', en: 'Returned unit analysed' },
      startOn: ['unit_received'],
      stopOn: ['unit_analysed'],
      duration: wall(24 * 60),
      durationByScope: { batch: wall(48 * 60) },
      durationBySeverity: { special: wall(72 * 60) },
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: false,
    },
    {
      kind: 'R-SLA-13',
      label: { 'zh-CN': '判定责任/牵头部门', en: 'Lead department decided' },
      startOn: ['registered'],
      stopOn: ['lead_department_decided'],
      appliesTo: { kinds: ['complaint', 'internal_report'] },
      duration: workingDays(1),
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: false,
    },
    {
      kind: 'R-SLA-14',
      label: { 'zh-CN': '处理后第5–7天回访', en: 'Follow-up call on day 5–7 after resolution' },
      startOn: ['resolved'],
      stopOn: ['follow_up_recorded'],
      appliesTo: { kinds: ['complaint'] },
      duration: { mode: 'window_days', fromDays: 5, toDays: 7 },
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: false,
    },
    {
      kind: 'R-CLS-6',
      label: { 'zh-CN': '使用不当：24小时内解释', en: 'Misuse: explain to the customer within 24 h' },
      startOn: ['registered', 'triaged'],
      countFrom: 'registered',
      stopOn: ['explained', 'sent_to_customer'],
      appliesTo: { natures: ['misuse'] },
      duration: wall(24 * 60),
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: false,
    },
    {
      kind: 'R-APR-1',
      label: { 'zh-CN': '补偿方案审批', en: 'Compensation approval signed' },
      startOn: ['approval_requested'],
      restartOn: ['approval_requested'],
      stopOn: ['solution_approved', 'approval_rejected', 'customer_rejected'],
      duration: workingDays(1),
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: false,
    },
    {
      kind: 'R-RES-7',
      label: { 'zh-CN': '按约定日期执行方案', en: 'Agreed solution carried out by the agreed date' },
      startOn: ['customer_accepted'],
      stopOn: ['resolved'],
      agreedDueAt: true,
      duration: workingDays(7),
      warnAtShare: WARN,
      escalates: true,
      pausesWhileWaiting: true,
    },
  ],
};
