import { describe, expect, it } from 'vitest';
import { newId } from './new-id';

describe('newId (UUID version 7, RFC 9562)', () => {
  it('should carry the milliseconds in the first 48 bits, version 7 and the RFC variant', () => {
    const at = Date.UTC(2026, 10, 24, 15, 30, 0, 123);
    const id = newId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it('should sort by time, and differ within one millisecond', () => {
    const ids = [0, 1, 1_000, 2 ** 40, 2 ** 48 - 1].map((ms) => newId(ms));
    expect([...ids].sort()).toEqual(ids);
    const same = new Set(Array.from({ length: 10_000 }, () => newId(1_700_000_000_000)));
    expect(same.size).toBe(10_000);
  });
});
