import { describe, expect, it } from 'vitest';
import { formatYuanInWords } from './format-yuan-in-words';

describe('formatYuanInWords (R-RPT-3 forms: 人民币大写)', () => {
  it.each<[number, string]>([
    [0, '人民币零元整'],
    [5, '人民币伍分'],
    [50, '人民币伍角整'],
    [100, '人民币壹元整'],
    [150, '人民币壹元伍角整'],
    [10_005, '人民币壹佰元零伍分'],
    [101_000, '人民币壹仟零壹拾元整'],
    [123_456, '人民币壹仟贰佰叁拾肆元伍角陆分'],
    [1_000_000, '人民币壹万元整'],
    [1_001_000, '人民币壹万零壹拾元整'],
    [10_010_000, '人民币壹拾万零壹佰元整'],
    [10_100_000, '人民币壹拾万壹仟元整'],
    [10_000_000_100, '人民币壹亿零壹元整'],
    [12_000_034_500, '人民币壹亿贰仟万零叁佰肆拾伍元整'],
  ])('should write %i fen as %s', (fen, words) => {
    expect(formatYuanInWords(fen)).toBe(words);
  });

  it('should refuse negative or fractional fen', () => {
    expect(() => formatYuanInWords(-1)).toThrow(RangeError);
    expect(() => formatYuanInWords(1.5)).toThrow(RangeError);
  });
});
