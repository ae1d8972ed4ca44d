import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { AppError } from '../errors/app-error';
import { hitRateLimits } from './hit-rate-limit';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => deps.close());

const refusal = async (p: Promise<void>): Promise<AppError | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
};

describe('rate limits counted together: portal look-ups cannot be guessed (R-SEC-4)', () => {
  it('should count every limit of one attempt, refuse once any is passed with the longest wait, and start again in the next window', async () => {
    deps.clock.set(new Date('2026-03-02T01:00:10.000Z'));
    const limits = [
      { key: 'test:ip', limit: 3, windowSeconds: 60 },
      { key: 'test:number', limit: 2, windowSeconds: 3600 },
    ];
    expect(await refusal(hitRateLimits(deps, limits))).toBeUndefined();
    expect(await refusal(hitRateLimits(deps, limits))).toBeUndefined();
    // The third attempt passes the hourly limit of 2: the wait is what is left of that hour, not of the minute.
    const third = await refusal(hitRateLimits(deps, limits));
    expect(third?.code).toBe('RATE_LIMITED');
    expect(third?.details).toEqual({ retryAfterSeconds: 3600 - 10 });
    // A new minute frees the per-minute counter but not the hourly one.
    deps.clock.set(new Date('2026-03-02T01:01:05.000Z'));
    expect((await refusal(hitRateLimits(deps, [limits[0]!])))?.code).toBeUndefined();
    expect((await refusal(hitRateLimits(deps, limits)))?.code).toBe('RATE_LIMITED');
    deps.clock.set(new Date('2026-03-02T02:00:00.000Z'));
    expect(await refusal(hitRateLimits(deps, limits))).toBeUndefined();
  });

  it('should count a key named twice in one attempt once', async () => {
    const twice = [
      { key: 'test:twice', limit: 1, windowSeconds: 60 },
      { key: 'test:twice', limit: 1, windowSeconds: 60 },
    ];
    expect(await refusal(hitRateLimits(deps, twice))).toBeUndefined();
    expect((await refusal(hitRateLimits(deps, twice)))?.code).toBe('RATE_LIMITED');
  });
});
