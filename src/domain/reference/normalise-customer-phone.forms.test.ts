import { describe, expect, it } from 'vitest';
import { normaliseCustomerPhone as normalisePhone } from './normalise-customer-phone';

describe('normaliseCustomerPhone: every way of writing one number (R-INT-3, R-INT-6, R-MAL-1)', () => {
  const cases: readonly [string, string, string | null][] = [
    ['a mobile has spaces and dashes', '138 1234-5678', '13812345678'],
    ['the mobile has +86', '+86 138-1234-5678', '13812345678'],
    ['the mobile has (+86)', '(+86)13812345678', '13812345678'],
    ['the mobile has 0086', '0086 13812345678', '13812345678'],
    ['the mobile has a bare 86 prefix', '8613812345678', '13812345678'],
    ['the digits are full-width', '１３８１２３４５６７８', '13812345678'],
    ['a landline has its area code in brackets', '(010) 1234-5678', '01012345678'],
    ['a landline is written internationally without the trunk 0', '+86 10 1234 5678', '01012345678'],
    ['a landline is written with dots', '0755.8888.1234', '075588881234'],
    ['an extension follows with 转', '0571-8888 1234 转 801', '057188881234'],
    ['an extension follows with ext', '021-6666 8888 ext.12', '02166668888'],
    ['two numbers are given', '13812345678 / 13987654321', '13812345678'],
    ['a service number is given', '400-820-8820', '4008208820'],
    ['the number is foreign', '+1 415 555 0100', '14155550100'],
    ['there are no digits', '微信联系', null],
    ['only the country code is given', '+86', null],
    ['the text is empty', '', null],
  ];
  it.each(cases)('should normalise when %s', (_, raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it('should give the same number when one customer writes it three ways', () => {
    const forms = ['+86 139-0000-1111', '13900001111', '139 0000 1111（微信同号）'];
    expect(new Set(forms.map(normalisePhone))).toEqual(new Set(['13900001111']));
  });
});
