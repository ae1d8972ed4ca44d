import type { Clock } from '../src/app/clock';

/** A clock tests move by hand: `now()` returns the set time; `advance(ms)` moves it forward. */
export type TestClock = Clock & { set: (d: Date) => void; advance: (ms: number) => void };

export const createTestClock = (start = new Date('2026-03-02T01:00:00.000Z')): TestClock => {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    set: (d) => {
      now = d.getTime();
    },
    advance: (ms) => {
      now += ms;
    },
  };
};
