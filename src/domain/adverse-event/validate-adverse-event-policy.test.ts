import { describe, expect, it } from 'vitest';
import { DEFAULT_ADVERSE_EVENT_POLICY } from './adverse-event-policy';
import { validateAdverseEventPolicy } from './validate-adverse-event-policy';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const paths = (v: unknown) => validateAdverseEventPolicy(v).map((p) => p.path);

describe('validateAdverseEventPolicy (R-AE-2 policy as data)', () => {
  it('should accept the default and a product market list', () => {
    expect(validateAdverseEventPolicy(clone(DEFAULT_ADVERSE_EVENT_POLICY))).toEqual([]);
    expect(
      validateAdverseEventPolicy({
        ...clone(DEFAULT_ADVERSE_EVENT_POLICY),
        jurisdictions: ['CN-NMPA', 'US-FDA'],
        productJurisdictions: { 'XT-200': ['EU-MDR'] },
      }),
    ).toEqual([]);
  });

  it('should refuse unknown jurisdictions, empty lists and malformed shapes', () => {
    expect(paths(null)).toEqual(['']);
    const p = clone(DEFAULT_ADVERSE_EVENT_POLICY) as Mutable;
    p.jurisdictions = ['UK-MHRA'];
    p.productJurisdictions = { 'XT-200': ['CN-NMPA', 'CN-NMPA'] };
    p.extra = 1;
    expect(paths(p)).toEqual(['extra', 'jurisdictions[0]', 'productJurisdictions.XT-200[1]']);
    expect(paths({ ...clone(DEFAULT_ADVERSE_EVENT_POLICY), jurisdictions: [] })).toEqual(['jurisdictions']);
  });

  it('should check each report kind: event types, duration, calendar, confidence, duplicates', () => {
    const p = clone(DEFAULT_ADVERSE_EVENT_POLICY) as Mutable;
    const kinds = p.regulations[1].reportKinds;
    kinds[0].appliesTo = ['death', 'serious_injury', 'coma'];
    kinds[0].duration = { unit: 'calendar_days', amount: 0 };
    kinds[1].duration = { unit: 'work_days', amount: 5, calendar: 'lunar' };
    kinds[1].confidence = 'D';
    kinds[1].kind = 'mdr_30_day';
    expect(paths(p)).toEqual([
      'regulations[1].reportKinds[0].appliesTo[2]',
      'regulations[1].reportKinds[0].duration.amount',
      'regulations[1].reportKinds[1].duration.calendar',
      'regulations[1].reportKinds[1].confidence',
      'regulations[1].reportKinds[1].kind',
    ]);
  });

  it('should require every regulation to say what a death and a serious injury need (R-AE-1 opens them)', () => {
    const p = clone(DEFAULT_ADVERSE_EVENT_POLICY) as Mutable;
    p.regulations[2].reportKinds = p.regulations[2].reportKinds.filter(
      (k: Mutable) => k.kind !== 'death_or_deterioration',
    );
    const problems = validateAdverseEventPolicy(p);
    expect(problems.map((x) => x.message)).toEqual([
      expect.stringContaining('no report kind applies to death'),
      expect.stringContaining('no report kind applies to serious_injury'),
    ]);
  });
});
