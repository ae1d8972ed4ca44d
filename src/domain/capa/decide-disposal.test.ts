import { describe, expect, it } from 'vitest';
import {
  computeObjectionUntil,
  decideObjection,
  decideRedecision,
  decideRuling,
  decideWindowLapse,
  type DisposalStatus,
} from './decide-disposal';

const TZ = 'Asia/Shanghai';
// Monday 2026-05-04 10:00 in Shanghai.
const publishedAt = new Date('2026-05-04T02:00:00Z');
const until = computeObjectionUntil(publishedAt, TZ, 7);

describe('nonconformity disposal objections (R-ESC-3)', () => {
  it('should keep the window open until 24:00 of the 7th calendar day after publication (R-ESC-3)', () => {
    expect(until.toISOString()).toBe('2026-05-11T16:00:00.000Z'); // Monday 11 May 24:00 in Shanghai
    // 01:00 on Tuesday in Shanghai is still Monday in UTC: the local day counts
    expect(computeObjectionUntil(new Date('2026-05-04T17:00:00Z'), TZ, 7).toISOString()).toBe(
      '2026-05-12T16:00:00.000Z',
    );
  });

  it('should send the first objection to re-investigation and the second to the chief engineer (R-ESC-3)', () => {
    const now = new Date('2026-05-06T00:00:00Z');
    expect(decideObjection({ status: 'published', round: 1, objectionUntil: until }, now)).toMatchObject({
      ok: true,
      value: { next: 'reinvestigating' },
    });
    expect(decideObjection({ status: 'published', round: 2, objectionUntil: until }, now)).toMatchObject({
      ok: true,
      value: { next: 'awaiting_ruling' },
    });
  });

  it('should refuse an objection at or after the end of the week (R-ESC-3)', () => {
    const last = new Date(until.getTime() - 1);
    expect(decideObjection({ status: 'published', round: 1, objectionUntil: until }, last).ok).toBe(true);
    const r = decideObjection({ status: 'published', round: 1, objectionUntil: until }, until);
    expect(!r.ok && r.error).toEqual({
      code: 'DISPOSAL_OBJECTION_WINDOW_CLOSED',
      details: { rule: 'R-ESC-3', objectionUntil: until.toISOString() },
    });
  });

  it('should take objections only on a published decision', () => {
    for (const status of ['reinvestigating', 'awaiting_ruling', 'final'] as DisposalStatus[]) {
      const r = decideObjection({ status, round: 1, objectionUntil: until }, publishedAt);
      expect({ status, code: !r.ok && r.error.code }).toEqual({
        status,
        code: 'DISPOSAL_ILLEGAL_TRANSITION',
      });
    }
  });

  it('should republish only from re-investigation and rule only on a decision awaiting the ruling (R-ESC-3)', () => {
    const all: DisposalStatus[] = ['published', 'reinvestigating', 'awaiting_ruling', 'final'];
    expect(all.filter((status) => decideRedecision({ status }).ok)).toEqual(['reinvestigating']);
    expect(all.filter((status) => decideRuling({ status }).ok)).toEqual(['awaiting_ruling']);
    expect(decideRuling({ status: 'awaiting_ruling' })).toMatchObject({ ok: true, value: { next: 'final' } });
  });

  it('should make a published decision final when the window ends without objection (R-ESC-3)', () => {
    expect(
      decideWindowLapse({ status: 'published', objectionUntil: until }, new Date(until.getTime() - 1)),
    ).toBe(undefined);
    expect(decideWindowLapse({ status: 'published', objectionUntil: until }, until)?.next).toBe('final');
    expect(decideWindowLapse({ status: 'reinvestigating', objectionUntil: until }, until)).toBe(undefined);
  });
});
