import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FULL_SHARE_BP, PARTY_KINDS, apportionFen, splitCost } from './allocate-cost';

/** Random basis-point shares, each ≥ 1, that add up to exactly 10 000. */
const shares = fc
  .uniqueArray(fc.integer({ min: 1, max: FULL_SHARE_BP - 1 }), { maxLength: 11 })
  .map((cuts) => {
    const points = [0, ...[...cuts].sort((a, b) => a - b), FULL_SHARE_BP];
    return points.slice(1).map((p, i) => ({
      partyKind: PARTY_KINDS[i % PARTY_KINDS.length]!,
      partyName: `责任方 ${i}`,
      shareBp: p - (points[i] ?? 0),
    }));
  });

describe('splitCost properties (R-RES-8)', () => {
  it('should split any total so that the amounts sum to exactly the total, never negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), shares, (total, s) => {
        const r = splitCost(total, s);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.reduce((a, x) => a + x.amountFen, 0)).toBe(total);
        for (const [i, x] of r.value.entries()) {
          expect(x.amountFen).toBeGreaterThanOrEqual(0);
          // Each amount is its exact share rounded down or up by at most one fen.
          const exact = (total * s[i]!.shareBp) / FULL_SHARE_BP;
          expect(Math.abs(x.amountFen - exact)).toBeLessThan(1 + 1e-6);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('should refuse any split whose shares do not add up to 10 000 bp', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        shares,
        fc.integer({ min: -500, max: 500 }).filter((d) => d !== 0),
        (total, s, delta) => {
          const last = s[s.length - 1]!;
          fc.pre(last.shareBp + delta >= 1 && last.shareBp + delta <= FULL_SHARE_BP);
          const broken = [...s.slice(0, -1), { ...last, shareBp: last.shareBp + delta }];
          expect(splitCost(total, broken)).toMatchObject({
            ok: false,
            error: { code: 'COST_SHARES_INVALID', problem: 'sum_not_10000', sumBp: FULL_SHARE_BP + delta },
          });
        },
      ),
    );
  });

  it('should apportion any signed total exactly over any non-negative weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const parts = apportionFen(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          for (const p of parts) expect(Math.sign(p) * Math.sign(total)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
