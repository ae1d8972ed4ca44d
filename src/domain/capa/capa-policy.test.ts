import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPA_POLICY, validateCapaPolicy } from './capa-policy';

describe('validateCapaPolicy', () => {
  it('should accept the defaults and list every problem of a bad value', () => {
    expect(validateCapaPolicy(DEFAULT_CAPA_POLICY)).toEqual([]);
    expect(validateCapaPolicy('x')).toEqual([{ path: '', message: 'expected an object' }]);
    expect(
      validateCapaPolicy({
        ...DEFAULT_CAPA_POLICY,
        verifyAfterDays: 0,
        objectionWindowDays: 1.5,
        extra: 1,
      }).map((p) => p.path),
    ).toEqual(['extra', 'verifyAfterDays', 'objectionWindowDays']);
  });
});
