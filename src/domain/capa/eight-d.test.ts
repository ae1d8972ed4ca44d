import { describe, expect, it } from 'vitest';
import { COMPLETE_8D } from '../../../test/factories/eight-d.factory';
import {
  decideEightDClose,
  decideEightDEdit,
  describeEightDCompleteness,
  findMissingEightDFields,
} from './eight-d';

describe('8D report (R-CAPA-2)', () => {
  it('should close a report with D1–D8 complete (R-CAPA-2)', () => {
    const r = decideEightDClose({ status: 'open', sections: COMPLETE_8D });
    expect(r.ok && r.value.rules[0]?.rule).toBe('R-CAPA-2');
    const { D0: _d0, ...withoutD0 } = COMPLETE_8D;
    expect(decideEightDClose({ status: 'open', sections: withoutD0 }).ok).toBe(true);
  });

  it('should refuse to close (R-CAPA-2) with a missing section, naming each one', () => {
    for (const s of ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8'] as const) {
      const sections = { ...COMPLETE_8D, [s]: undefined };
      const r = decideEightDClose({ status: 'open', sections });
      expect({ s, error: !r.ok && r.error }).toEqual({
        s,
        error: {
          code: 'EIGHT_D_INCOMPLETE',
          details: { rule: 'R-CAPA-2', sections: { [s]: ['(section)'] } },
        },
      });
    }
  });

  it('should name the missing fields of an incomplete section', () => {
    const table: [Parameters<typeof findMissingEightDFields>[0], unknown, string[]][] = [
      ['D1', { leader: '陈工', members: [] }, ['members']],
      [
        'D2',
        {
          problemStatement: 'x',
          fiveW2H: { what: 'a', why: 'b', when: 'c', who: 'd', how: 'e', howMany: 'f' },
          isIsNot: [{ dimension: 'where', is: 'x' }],
        },
        ['fiveW2H.where', 'isIsNot[0].isNot'],
      ],
      [
        'D3',
        { actions: [{ action: '全检' }], effectivenessCheck: ' ' },
        ['actions[0].owner', 'actions[0].dueOn', 'effectivenessCheck'],
      ],
      ['D4', { methods: [], occurrenceRootCause: 'a', escapeRootCause: 'b' }, ['methods', 'escapePoint']],
      [
        'D5',
        { actions: [{ action: 'a', owner: 'b', dueOn: '2026-03-01', addresses: 'occurrence' }] },
        ['actions(addresses: escape)'],
      ],
      [
        'D6',
        { implementations: [{ action: 'a', implementedOn: '2026-03-01' }] },
        ['implementations[0].result', 'validation'],
      ],
      ['D7', { measures: 'a', documentsUpdated: [''] }, ['documentsUpdated']],
      ['D8', { closureSummary: 'a' }, ['recognition']],
    ];
    for (const [section, content, missing] of table)
      expect({ section, missing: findMissingEightDFields(section, content as never) }).toEqual({
        section,
        missing,
      });
  });

  it('should describe every section, D0 included', () => {
    const c = describeEightDCompleteness({ D1: COMPLETE_8D.D1 });
    expect(c.D1).toEqual([]);
    expect(c.D0).toEqual(['(section)']);
    expect(Object.keys(c)).toHaveLength(9);
  });

  it('should not edit or close a closed report', () => {
    expect(decideEightDEdit({ status: 'closed' })).toMatchObject({
      ok: false,
      error: { code: 'EIGHT_D_CLOSED' },
    });
    expect(decideEightDClose({ status: 'closed', sections: COMPLETE_8D })).toMatchObject({
      ok: false,
      error: { code: 'EIGHT_D_CLOSED' },
    });
  });
});
