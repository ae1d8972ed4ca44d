import { describe, expect, it } from 'vitest';
import { formatSignedAt, formatYuan, yuanToFen } from './compensation-format';
import { toProposeBody } from './proposal-form';

describe('money on the compensation screens', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [7950, '¥79.50'],
    [100000, '¥1,000.00'],
    [123456789, '¥1,234,567.89'],
  ])('should show %i fen as %s', (fen, shown) => expect(formatYuan(fen)).toBe(shown));

  it.each([
    [15.9, 1590],
    [19.99, 1999],
    [0.1 + 0.2, 30],
    [1.005, 101],
    [1000, 100000],
  ])('should send %d yuan as %i fen', (yuan, fen) => expect(yuanToFen(yuan)).toBe(fen));

  it('should print a signature time to the second in Asia/Shanghai when it was signed late UTC', () => {
    expect(formatSignedAt('2026-03-01T16:30:05.000Z')).toBe('2026-03-02 00:30:05');
  });
});

describe('toProposeBody', () => {
  it('should send only the facts stated, in fen, and no options when the engine is to propose', () => {
    expect(
      toProposeBody({
        foodCase: 'foreign_eaten',
        unitPriceYuan: 15.9,
        quantity: 1,
        lossYuan: null,
        flags: ['verificationDone'],
        note: '  ',
        custom: false,
        options: [{ kind: 'cash', amountYuan: 50, description: 'x' }],
      }),
    ).toEqual({
      facts: { foodCase: 'foreign_eaten', unitPriceFen: 1590, quantity: 1, verificationDone: true },
    });
  });

  it('should send the options set by hand, amounts in fen, when custom options are ticked', () => {
    expect(
      toProposeBody({
        custom: true,
        options: [{ kind: 'refund', amountYuan: 20, description: ' 退货退款 ' }],
        executionWorkingDays: 5,
      }),
    ).toEqual({
      facts: {},
      options: [{ kind: 'refund', amountFen: 2000, description: '退货退款' }],
      executionWorkingDays: 5,
    });
  });
});
