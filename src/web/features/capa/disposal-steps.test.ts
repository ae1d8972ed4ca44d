import { describe, expect, it } from 'vitest';
import { disposalStepBody } from './disposal-steps';

describe('disposalStepBody', () => {
  it('should send an approval without a note when the chief engineer leaves it blank (R-ESC-3)', () => {
    expect(disposalStepBody('approve', { note: '   ' })).toEqual({});
    expect(disposalStepBody('approve', {})).toEqual({});
    expect(disposalStepBody('approve', { note: ' 同意公示 ' })).toEqual({ note: '同意公示' });
  });

  it('should trim the fields each step posts and send nothing else', () => {
    const v = { reason: ' 理由 ', decision: ' 决定 ', findings: ' 结论 ', reasoning: ' 依据 ', note: 'x' };
    expect(disposalStepBody('return', v)).toEqual({ reason: '理由' });
    expect(disposalStepBody('object', v)).toEqual({ reason: '理由' });
    expect(disposalStepBody('resubmit', v)).toEqual({ decision: '决定' });
    expect(disposalStepBody('redecide', v)).toEqual({ findings: '结论', decision: '决定' });
    expect(disposalStepBody('rule', v)).toEqual({ decision: '决定', reasoning: '依据' });
  });
});
