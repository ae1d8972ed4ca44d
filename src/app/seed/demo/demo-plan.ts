import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../../domain/complaint/complaint-status';
import type { DemoStoryTag } from './demo-dataset';

/** The states the demo shows (received is transient: intake registers at once). */
export type DemoTarget = Exclude<ComplaintStatus, 'received'>;

/** Every state the demo shows, in lifecycle order. */
export const DEMO_TARGETS: readonly DemoTarget[] = COMPLAINT_STATUSES.filter(
  (s): s is DemoTarget => s !== 'received',
);

export type DemoPlanEntry = {
  readonly target: DemoTarget;
  readonly tag: DemoStoryTag;
  /** When the customer called, in hours before the seed runs. */
  readonly ageHours: number;
  /** Every step took this many times the prompt pace (> 1: clocks breach). */
  readonly pace?: number;
  /** The agent has not yet given the customer the number (R-SLA-5 first answer still open). */
  readonly unacknowledged?: boolean;
  /** waiting: paused on the customer; rejected: the customer turned the plan down (R-ESC-2 re-review pending);
   * approval_pending: the plan waits for a second person's approval (R-APR-1). */
  readonly variant?: 'waiting' | 'rejected' | 'approval_pending';
};

/**
 * The demo's complaints, one per entry: every lifecycle state, with clocks met, in warning and breached so the
 * work queue and the deadline sweep have something to show. The reopened entry adds a new linked complaint
 * (R-FUP-3), registered at its follow-up call.
 */
export const DEMO_PLAN: readonly DemoPlanEntry[] = [
  { target: 'registered', tag: 'quality', ageHours: 0.4 },
  { target: 'registered', tag: 'quality', ageHours: 20, unacknowledged: true },
  { target: 'registered', tag: 'major', ageHours: 3, unacknowledged: true },
  { target: 'triaged', tag: 'quality', ageHours: 5 },
  { target: 'triaged', tag: 'quality', ageHours: 30, pace: 3 },
  { target: 'assigned', tag: 'quality', ageHours: 2.4 },
  { target: 'assigned', tag: 'major', ageHours: 8, pace: 2 },
  { target: 'investigating', tag: 'quality', ageHours: 30, variant: 'waiting' },
  { target: 'investigating', tag: 'quality', ageHours: 100, variant: 'rejected' },
  { target: 'solution_proposed', tag: 'quality', ageHours: 40 },
  { target: 'solution_proposed', tag: 'major', ageHours: 50, variant: 'approval_pending' },
  { target: 'awaiting_customer', tag: 'quality', ageHours: 60 },
  { target: 'awaiting_customer', tag: 'quality', ageHours: 130, pace: 2 },
  { target: 'agreed', tag: 'quality', ageHours: 70 },
  { target: 'executing', tag: 'major', ageHours: 90 },
  { target: 'resolved', tag: 'quality', ageHours: 110 },
  { target: 'follow_up', tag: 'quality', ageHours: 200 },
  { target: 'closed', tag: 'quality', ageHours: 20 * 24 },
  { target: 'closed', tag: 'quality', ageHours: 35 * 24 },
  { target: 'closed', tag: 'inquiry', ageHours: 12 * 24 },
  { target: 'explained', tag: 'misuse', ageHours: 4 * 24 },
  { target: 'not_valid', tag: 'invalid', ageHours: 6 * 24 },
  { target: 'withdrawn', tag: 'withdraw', ageHours: 9 * 24 },
  { target: 'reopened', tag: 'quality', ageHours: 16 * 24 },
];

export type DemoStep =
  | 'register'
  | 'acknowledge'
  | 'triage'
  | 'assign'
  | 'contact'
  | 'investigate'
  | 'wait'
  | 'propose'
  | 'approve'
  | 'send'
  | 'accept'
  | 'reject'
  | 'execute'
  | 'resolve'
  | 'follow_up'
  | 'satisfied'
  | 'unsatisfied'
  | 'explain'
  | 'not_valid'
  | 'withdraw';

/** Minutes after the previous step at the prompt pace (most clocks met: call-back within 2 h, plan within 72 h…). */
export const STEP_GAP_MINUTES: Readonly<Record<DemoStep, number>> = {
  register: 8,
  acknowledge: 12,
  triage: 15,
  assign: 15,
  contact: 60,
  investigate: 70,
  wait: 60,
  propose: 20 * 60,
  approve: 2 * 60,
  send: 2 * 60,
  accept: 20 * 60,
  reject: 20 * 60,
  execute: 2 * 60,
  resolve: 24 * 60,
  follow_up: 5 * 24 * 60 + 120,
  satisfied: 30,
  unsatisfied: 30,
  explain: 4 * 60,
  not_valid: 2 * 60,
  withdraw: 10 * 60,
};

/** The steps that bring a complaint to the entry's state, in order. */
export const decideDemoSteps = (entry: DemoPlanEntry, requiresApproval: boolean): DemoStep[] => {
  const intake: DemoStep[] = entry.unacknowledged ? ['register'] : ['register', 'acknowledge'];
  const handled: DemoStep[] = [...intake, 'triage', 'assign', 'contact', 'investigate'];
  const proposed: DemoStep[] = [...handled, 'propose', ...(requiresApproval ? (['approve'] as const) : [])];
  const sent: DemoStep[] = [...proposed, 'send'];
  const executed: DemoStep[] = [...sent, 'accept', 'execute'];
  const resolved: DemoStep[] =
    entry.tag === 'inquiry' ? [...intake, 'triage', 'assign', 'resolve'] : [...executed, 'resolve'];
  switch (entry.target) {
    case 'registered':
      return intake;
    case 'triaged':
      return [...intake, 'triage'];
    case 'assigned':
      return [...intake, 'triage', 'assign'];
    case 'investigating':
      if (entry.variant === 'waiting') return [...handled, 'wait'];
      return entry.variant === 'rejected' ? [...sent, 'reject'] : handled;
    case 'solution_proposed':
      return entry.variant === 'approval_pending' ? [...handled, 'propose'] : proposed;
    case 'awaiting_customer':
      return sent;
    case 'agreed':
      return [...sent, 'accept'];
    case 'executing':
      return executed;
    case 'resolved':
      return resolved;
    case 'follow_up':
      return [...resolved, 'follow_up'];
    case 'closed':
      return [...resolved, 'follow_up', 'satisfied'];
    case 'reopened':
      return [...resolved, 'follow_up', 'unsatisfied'];
    case 'explained':
      return [...handled, 'explain'];
    case 'not_valid':
      return [...intake, 'triage', 'not_valid'];
    case 'withdrawn':
      return [...intake, 'triage', 'assign', 'contact', 'withdraw'];
  }
};

/**
 * When each step happened: the prompt gaps times the entry's pace, squeezed when they would not fit between the
 * call and now (so every step lies in the past).
 */
export const decideDemoTimes = (
  receivedAt: Date,
  now: Date,
  steps: readonly DemoStep[],
  pace: number,
): Date[] => {
  const offsets: number[] = [];
  let total = 0;
  for (const step of steps) {
    total += STEP_GAP_MINUTES[step] * pace;
    offsets.push(total);
  }
  const room = (now.getTime() - receivedAt.getTime()) / 60_000;
  const scale = total > room * 0.95 ? (room * 0.95) / total : 1;
  return offsets.map((m) => new Date(receivedAt.getTime() + Math.round(m * scale * 60_000)));
};
