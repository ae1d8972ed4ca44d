import { describe, expect, it } from 'vitest';
import { maskAddress } from './mask-address';

describe('maskAddress (R-SEC-1)', () => {
  it.each([
    ['浙江省杭州市西湖区文三路 100 号 3 幢 501 室', '浙江省杭州市****'],
    ['北京市朝阳区', '北京****'],
    ['Flat 3, 12 Nathan Road, Kowloon', 'Flat 3****'],
    ['𠀀𠀀𠀀𠀀𠀀𠀀', '𠀀𠀀****'],
    ['家', '****'],
  ])('should mask %s as %s', (address, masked) => {
    expect(maskAddress(address)).toBe(masked);
  });
});
