import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone } from './mask-personal-data';

describe('personal data masking (R-SEC-1)', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+8613812345678', '+86****5678'],
    ['0571-8888', '*******88'],
    ['123', '***'],
  ])('should mask phone %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('should keep the first letter and the domain when masking e-mail', () => {
    expect(maskEmail('li.na@example.com')).toBe('l***@example.com');
    expect(maskEmail('张@例子.中国')).toBe('张***@例子.中国');
  });
});
