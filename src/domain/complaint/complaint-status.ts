/**
 * Lifecycle states (issue 3 §3). Terminal states: closed (satisfied follow-up), explained (no quality problem or
 * misuse, explained to the customer — R-CLS-4/6), not_valid (not our product / invalid, with reason),
 * withdrawn (customer withdrew), reopened (R-FUP-3: dissatisfied follow-up; a new linked complaint carries on).
 */
export const COMPLAINT_STATUSES = [
  'received',
  'registered',
  'triaged',
  'assigned',
  'investigating',
  'solution_proposed',
  'awaiting_customer',
  'agreed',
  'executing',
  'resolved',
  'follow_up',
  'closed',
  'explained',
  'not_valid',
  'withdrawn',
  'reopened',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const TERMINAL_STATUSES: readonly ComplaintStatus[] = [
  'closed',
  'explained',
  'not_valid',
  'withdrawn',
  'reopened',
];

export const isTerminal = (status: ComplaintStatus): boolean => TERMINAL_STATUSES.includes(status);

/**
 * Things that happen to a complaint. The lifecycle emits them; deadline clocks start, stop, pause and resume on
 * them (R-SLA table); the outbox carries them to notifications (R-FUP-1).
 */
export const COMPLAINT_EVENT_TYPES = [
  'received',
  'registered',
  'triaged',
  'assigned',
  'assignee_notified',
  'lead_department_decided',
  'contacted',
  'acknowledged',
  'emergency_started',
  'investigation_started',
  'progress_noted',
  'unit_received',
  'unit_analysed',
  'report_issued',
  'solution_proposed',
  'solution_approved',
  /** A compensation proposal waits for electronic signatures (R-APR-1): starts the approval clock. */
  'approval_requested',
  /** A signer rejected the proposal (R-APR-2): the proposer revises it. */
  'approval_rejected',
  'sent_to_customer',
  'customer_accepted',
  'customer_rejected',
  'escalated',
  'execution_started',
  'resolved',
  'follow_up_started',
  'follow_up_recorded',
  'closed',
  'explained',
  'declared_not_valid',
  'withdrawn',
  'reopened',
  'waiting_on_customer',
  'customer_responded',
] as const;
export type ComplaintEventType = (typeof COMPLAINT_EVENT_TYPES)[number];
