import { describe, expect, it } from 'vitest';
import { decideOriginalReportHandover, decideRetestRequest } from './decide-sampling-follow-up';

const base = { representative: false, retestRequestedAt: null, originalReportToQualityAt: null };
const at = new Date('2026-03-05T02:00:00Z');

describe('regulator sampling follow-up — R-BAT-6', () => {
  it('R-BAT-6 should allow a re-test request only for a sample that was not representative', () => {
    expect(decideRetestRequest(base)).toEqual({
      ok: true,
      value: [{ rule: 'R-BAT-6', detail: 'retest_requested_not_representative' }],
    });
    expect(decideRetestRequest({ ...base, representative: true })).toMatchObject({
      ok: false,
      error: { code: 'RETEST_NOT_ALLOWED', details: { reason: 'sample_representative' } },
    });
  });

  it('should allow one re-test request', () => {
    expect(decideRetestRequest({ ...base, retestRequestedAt: at })).toMatchObject({
      ok: false,
      error: { code: 'RETEST_NOT_ALLOWED', details: { reason: 'already_requested' } },
    });
  });

  it('R-BAT-6 should record the original report to quality once', () => {
    expect(decideOriginalReportHandover(base)).toMatchObject({ ok: true });
    expect(decideOriginalReportHandover({ ...base, originalReportToQualityAt: at })).toMatchObject({
      ok: false,
      error: { code: 'ORIGINAL_REPORT_ALREADY_RECORDED' },
    });
  });
});
