import { describe, expect, it } from 'vitest';
import { normaliseCustomerPhone } from './normalise-customer-phone';

describe('normaliseCustomerPhone (R-INT-6)', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['(+86) 138 1234 5678', '13812345678'],
    ['0086 138 1234 5678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['138.1234.5678', '13812345678'],
    ['010-8888-6666', '01088886666'],
    ['+86 10 8888 6666', '01088886666'],
    ['+86 21 6666 8888', '02166668888'],
    ['0086 571 8888 6666', '057188886666'],
    ['+86 400-123-4567', '4001234567'],
    ['400-123-4567', '4001234567'],
    ['+1 415 555 0100', '14155550100'],
    ['12345', '12345'],
  ])('should normalise %s to %s', (raw, expected) => {
    expect(normaliseCustomerPhone(raw)).toBe(expected);
  });

  it('should answer null when the text has no digit', () => {
    expect(normaliseCustomerPhone('')).toBeNull();
    expect(normaliseCustomerPhone(' - ')).toBeNull();
    expect(normaliseCustomerPhone('+86')).toBeNull();
  });
});
