import { describe, expect, it } from 'vitest';
import { decideFailureMechanism, findKeywordTopics } from './decide-failure-mechanism';

describe('decideFailureMechanism (R-BAT-1 same mechanism)', () => {
  it('should read the keyword topics of a suggestion in order, once each', () => {
    expect(
      findKeywordTopics([
        { rule: 'R-CLS-2', detail: 'keyword safety_hazard: 打火、烧焦' },
        { rule: 'R-CLS-1', detail: 'injury none' },
        { rule: 'R-CLS-2', detail: 'keyword fire: 起火' },
        { rule: 'R-CLS-2', detail: 'keyword safety_hazard: 冒烟' },
        { rule: 'R-CLS-3' },
      ]),
    ).toEqual(['safety_hazard', 'fire']);
  });

  it('should prefer the investigation’s failure mechanism', () => {
    const m = decideFailureMechanism({
      investigationMechanism: ' 电容击穿 ',
      keywordTopics: [{ topic: 'safety_hazard', nature: 'safety' }],
      nature: 'safety',
    });
    expect(m).toMatchObject({ mechanism: '电容击穿', source: 'investigation' });
  });

  it('should take the keyword topic of the confirmed nature, else the first topic', () => {
    const topics = [
      { topic: 'price', nature: 'price' as const },
      { topic: 'safety_hazard', nature: 'safety' as const },
    ];
    expect(
      decideFailureMechanism({ investigationMechanism: null, keywordTopics: topics, nature: 'safety' })
        .mechanism,
    ).toBe('safety_hazard');
    expect(
      decideFailureMechanism({ investigationMechanism: '', keywordTopics: topics, nature: 'function' })
        .mechanism,
    ).toBe('price');
  });

  it('should fall back on the nature, then unknown', () => {
    expect(
      decideFailureMechanism({ investigationMechanism: null, keywordTopics: [], nature: 'function' }),
    ).toMatchObject({ mechanism: 'function', source: 'nature' });
    expect(
      decideFailureMechanism({ investigationMechanism: null, keywordTopics: [], nature: null }).mechanism,
    ).toBe('unknown');
  });
});
