import { describe, expect, it } from 'vitest';
import { TRANSITION_TABLE } from '../complaint/transition-table';
import type { ReportDecision } from './adverse-event';
import { CLOSING_COMMANDS, findCloseBlocker, isClosingCommand } from './find-close-blocker';

const row = (over: Partial<ReportDecision> = {}): ReportDecision => ({
  id: '00000000-0000-7000-8000-000000000001',
  adverseEventId: '00000000-0000-7000-8000-0000000000aa',
  jurisdiction: 'CN-NMPA',
  reportKind: 'individual_death',
  dueAt: new Date('2026-03-12T16:00:00Z'),
  reportable: null,
  rationale: null,
  decidedAt: null,
  decidedBy: null,
  submittedAt: null,
  submissionRef: null,
  ...over,
});

describe('findCloseBlocker (R-AE-2)', () => {
  it('should block closing while a decision has no answer', () => {
    const blocker = findCloseBlocker({ id: 'ae', decisions: [row()] });
    expect(blocker).toMatchObject({
      code: 'ADVERSE_EVENT_UNDECIDED',
      adverseEventId: 'ae',
      undecided: [
        { jurisdiction: 'CN-NMPA', reportKind: 'individual_death', dueAt: '2026-03-12T16:00:00.000Z' },
      ],
    });
    expect(blocker?.rules[0]?.rule).toBe('R-AE-2');
  });

  it.each([
    ['an answer without rationale', { reportable: true, rationale: null }],
    ['a blank rationale', { reportable: false, rationale: '   ' }],
    ['a rationale without answer', { reportable: null, rationale: '待调查' }],
  ])('should block closing with %s', (_n, over) => {
    expect(findCloseBlocker({ id: 'ae', decisions: [row(over)] })).toBeDefined();
  });

  it('should list only the open rows, the soonest first', () => {
    const blocker = findCloseBlocker({
      id: 'ae',
      decisions: [
        row({ id: 'a', dueAt: new Date('2026-04-04T16:00:00Z') }),
        row({ id: 'b', reportable: false, rationale: '与器械无关' }),
        row({ id: 'c', dueAt: new Date('2026-03-07T16:00:00Z') }),
      ],
    });
    expect(blocker?.undecided.map((u) => u.decisionId)).toEqual(['c', 'a']);
  });

  it('should allow closing when every row is answered with a rationale, reportable or not, submitted or not', () => {
    expect(
      findCloseBlocker({
        id: 'ae',
        decisions: [
          row({ reportable: true, rationale: '器械故障可能导致死亡' }),
          row({ id: 'x', reportable: false, rationale: '未在欧盟销售' }),
        ],
      }),
    ).toBeUndefined();
  });
});

describe('CLOSING_COMMANDS (R-AE-2)', () => {
  it('should hold every command that leads to a closed, explained, not-valid or resolved status, except withdraw', () => {
    const ending = new Set(['closed', 'explained', 'not_valid', 'resolved', 'reopened']);
    const leading = new Set<string>();
    for (const [status, row] of Object.entries(TRANSITION_TABLE))
      for (const [command, targets] of Object.entries(row))
        if (targets.some((t) => t !== status && ending.has(t))) leading.add(command);
    leading.delete('withdraw');
    expect([...leading].sort()).toEqual([...CLOSING_COMMANDS].sort());
  });

  it('should not treat handling commands as closing', () => {
    for (const type of ['triage', 'assign', 'start_investigation', 'withdraw', 'start_follow_up'])
      expect(isClosingCommand(type)).toBe(false);
  });
});
