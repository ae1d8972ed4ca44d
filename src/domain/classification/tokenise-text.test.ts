import { describe, expect, it } from 'vitest';
import { characterBigrams, normaliseText } from './tokenise-text';

describe('characterBigrams (R-INT-3 duplicate text, Chinese search)', () => {
  const cases: readonly { name: string; text: string; expected: readonly string[] }[] = [
    {
      name: 'should pair overlapping characters when the text is plain Chinese',
      text: '饼干里有头发',
      expected: ['饼干', '干里', '里有', '有头', '头发'],
    },
    {
      name: 'should ignore Chinese punctuation and spaces when they split a sentence',
      text: '有头发， 很恶心',
      expected: ['有头', '头发', '发很', '很恶', '恶心'],
    },
    {
      name: 'should fold full-width letters, digits and dash when the model number is typed full-width',
      text: 'ＫＦＲ－３５ＧＷ不制冷',
      expected: ['kf', 'fr', 'r3', '35', '5g', 'gw', '不制', '制冷'],
    },
    {
      name: 'should tokenise the same when a space separates the model from the Chinese text',
      text: 'KFR-35GW 不制冷',
      expected: ['kf', 'fr', 'r3', '35', '5g', 'gw', '不制', '制冷'],
    },
    {
      name: 'should break runs at a script change and keep a lone digit as a unigram when quantities are inline',
      text: '买了3袋饼干',
      expected: ['买了', '3', '袋饼', '饼干'],
    },
    {
      name: 'should ignore emoji, including ZWJ sequences, when the customer adds them',
      text: '👨‍👩‍👧家庭装漏气😡😡！',
      expected: ['家庭', '庭装', '装漏', '漏气'],
    },
    {
      name: 'should reduce a keycap emoji to its digit when the text uses 1️⃣',
      text: '1️⃣号机 坏了',
      expected: ['1', '号机', '机坏', '坏了'],
    },
    {
      name: 'should keep characters outside the BMP whole when the text has CJK extension B',
      text: '𠮷野家',
      expected: ['𠮷野', '野家'],
    },
    { name: 'should lower-case Latin letters when the case differs', text: 'ＡBc', expected: ['ab', 'bc'] },
    { name: 'should yield the character when the text is one character long', text: '虫', expected: ['虫'] },
    { name: 'should fold circled digits when the text uses ①', text: '①号', expected: ['1', '号'] },
    {
      name: 'should keep repeated bigrams when a phrase repeats',
      text: '漏气漏气',
      expected: ['漏气', '气漏', '漏气'],
    },
    { name: 'should yield nothing when the text is only punctuation', text: '！！！……', expected: [] },
    { name: 'should yield nothing when the text is only white space', text: ' \u3000\n', expected: [] },
    { name: 'should yield nothing when the text is empty', text: '', expected: [] },
  ];
  it.each(cases)('$name', ({ text, expected }) => {
    expect(characterBigrams(text)).toEqual(expected);
  });
});

describe('normaliseText', () => {
  it.each([
    ['ＡＢＣ１２３', 'abc123'],
    ['封口\u3000不严', '封口 不严'],
    ['İ', 'i'],
  ])('should fold width, case and marks when given %s', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });
});
