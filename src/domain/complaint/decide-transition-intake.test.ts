import { describe, expect, it } from 'vitest';
import type { ComplaintStatus } from './complaint-status';
import { decideTransition } from './decide-transition';
import {
  AGENT,
  buildCommand as c,
  buildContext,
  buildState as s,
  DM1,
  happyPath as row,
  QE,
  SM,
  tablePairs,
  type HappyPath,
} from './lifecycle-state.factory';
import { TRANSITION_TABLE } from './transition-table';

const STATUSES: readonly ComplaintStatus[] = [
  'received',
  'registered',
  'triaged',
  'assigned',
  'investigating',
];
const pending = { requiresApproval: true, approved: false };

/** Intake to investigation: every specific (status, command) pair (issue 3 §3). */
const ROWS: readonly HappyPath[] = [
  row(
    'register intake (R-INT-4)',
    s('received'),
    c('register'),
    AGENT,
    { status: 'registered' },
    ['registered'],
    ['R-INT-4'],
  ),
  row(
    'confirm the classification (R-AE-1)',
    s('registered'),
    c('triage'),
    AGENT,
    { status: 'triaged', classified: true },
    ['triaged'],
    ['R-AE-1'],
  ),
  row(
    'flag an adverse event and a major complaint at triage (R-AE-2, R-CLS-3)',
    s('registered', { injury: 'serious', major: true }),
    c('triage'),
    QE,
    { status: 'triaged', classified: true },
    ['triaged'],
    ['R-AE-1', 'R-AE-2', 'R-CLS-3'],
  ),
  row(
    'declare an obviously invalid registration not valid (R-CLS-4)',
    s('registered'),
    c('declare_not_valid'),
    DM1,
    { status: 'not_valid' },
    ['declared_not_valid'],
    ['R-CLS-4'],
  ),
  row(
    'assign the lead department the first time (R-SLA-13)',
    s('triaged'),
    c('assign'),
    AGENT,
    { status: 'assigned', departmentId: 'd-quality', assigneeId: 'u-qe' },
    ['assigned', 'lead_department_decided'],
    ['R-SLA-13'],
  ),
  row(
    'assign to a department queue without a person',
    s('triaged'),
    { type: 'assign', departmentId: 'd-quality', assigneeId: null },
    AGENT,
    { status: 'assigned', departmentId: 'd-quality', assigneeId: null },
    ['assigned', 'lead_department_decided'],
    ['R-SLA-13'],
  ),
  row(
    'explain misuse right after triage (R-CLS-6)',
    s('triaged'),
    c('explain'),
    DM1,
    { status: 'explained' },
    ['explained'],
    ['R-CLS-4', 'R-CLS-6'],
  ),
  row(
    'declare not valid after triage (R-CLS-4)',
    s('triaged'),
    c('declare_not_valid'),
    SM,
    { status: 'not_valid' },
    ['declared_not_valid'],
    ['R-CLS-4'],
  ),
  row(
    'start the investigation as the assignee',
    s('assigned'),
    c('start_investigation'),
    DM1,
    { status: 'investigating', assigneeId: 'u-dm1' },
    ['investigation_started'],
  ),
  row(
    'claim an unassigned complaint when starting the investigation',
    s('assigned', { assigneeId: null }),
    c('start_investigation'),
    QE,
    { status: 'investigating', assigneeId: 'u-qe' },
    ['assigned', 'investigation_started'],
  ),
  row(
    'resolve an inquiry without a solution',
    s('assigned', { kind: 'inquiry' }),
    c('resolve'),
    DM1,
    { status: 'resolved' },
    ['resolved'],
    ['R-FUP-2'],
  ),
  row(
    'explain when assigned (R-CLS-6)',
    s('assigned'),
    c('explain'),
    DM1,
    { status: 'explained' },
    ['explained'],
    ['R-CLS-4', 'R-CLS-6'],
  ),
  row(
    'declare not valid when assigned (R-CLS-4)',
    s('assigned'),
    c('declare_not_valid'),
    DM1,
    { status: 'not_valid' },
    ['declared_not_valid'],
    ['R-CLS-4'],
  ),
  row(
    'propose the first plan',
    s('investigating'),
    c('propose_solution'),
    DM1,
    {
      status: 'solution_proposed',
      proposers: ['u-dm1'],
      proposal: { requiresApproval: false, approved: false },
    },
    ['solution_proposed'],
  ),
  row(
    'propose a plan that needs approval (R-APR-1)',
    s('investigating'),
    { type: 'propose_solution', requiresApproval: true },
    QE,
    { status: 'solution_proposed', proposers: ['u-qe'], proposal: pending },
    ['solution_proposed'],
    ['R-APR-1'],
  ),
  row(
    'resolve a suggestion without a solution',
    s('investigating', { kind: 'suggestion' }),
    c('resolve'),
    DM1,
    { status: 'resolved' },
    ['resolved'],
    ['R-FUP-2'],
  ),
  row(
    'resolve praise without a solution',
    s('investigating', { kind: 'praise' }),
    c('resolve'),
    QE,
    { status: 'resolved' },
    ['resolved'],
    ['R-FUP-2'],
  ),
  row(
    'explain after investigation (R-CLS-4)',
    s('investigating'),
    c('explain'),
    DM1,
    { status: 'explained' },
    ['explained'],
    ['R-CLS-4', 'R-CLS-6'],
  ),
  row(
    'declare not valid after investigation (R-CLS-4)',
    s('investigating'),
    c('declare_not_valid'),
    DM1,
    { status: 'not_valid' },
    ['declared_not_valid'],
    ['R-CLS-4'],
  ),
];

describe('decideTransition from intake to investigation (issue 3 §3)', () => {
  it.each(ROWS.map((r) => [r.name, r] as const))('should %s', (_name, r) => {
    const result = decideTransition(r.state, r.command, buildContext(r.actor));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.next).toEqual({ ...r.state, ...r.next });
    expect(result.value.events).toEqual(r.events);
    expect(result.value.rules.map((hit) => hit.rule)).toEqual(r.rules);
    expect(TRANSITION_TABLE[r.state.status][r.command.type]).toContain(result.value.next.status);
  });

  it('should cover every specific (status, command) pair of the table when the rows are counted', () => {
    const covered = new Set(ROWS.map((r) => `${r.state.status}:${r.command.type}`));
    expect([...covered].sort()).toEqual(tablePairs(STATUSES, false).sort());
  });
});
