import { describe, expect, it } from 'vitest';
import { decideRetry } from './decide-retry';

const now = new Date('2026-05-01T00:00:00Z');
const policy = { maxAttempts: 5, baseSeconds: 10, capSeconds: 60 };

describe('decideRetry (outbox and job backoff)', () => {
  it.each([
    [1, 10],
    [2, 20],
    [3, 40],
    [4, 60],
  ])('should wait base·2^(n−1), capped, after attempt %i (%is)', (attempts, seconds) => {
    expect(decideRetry(attempts, now, policy, 0)).toEqual({
      kind: 'retry',
      at: new Date(now.getTime() + seconds * 1000),
    });
  });

  it('should add at most 20 % jitter when the jitter input is high', () => {
    const d = decideRetry(1, now, policy, 0.99999);
    expect(d.kind === 'retry' && d.at.getTime() - now.getTime()).toBeLessThanOrEqual(12_000);
    expect(d.kind === 'retry' && d.at.getTime() - now.getTime()).toBeGreaterThan(11_900);
  });

  it('should dead-letter when the attempts are used up', () => {
    expect(decideRetry(5, now, policy, 0)).toEqual({ kind: 'dead' });
  });
});
