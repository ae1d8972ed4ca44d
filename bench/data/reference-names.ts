import { characterBigrams } from '../../src/domain/classification/tokenise-text';
import type { Random } from '../lib/random';
import { DESK_OF_REGION } from './catalogue-org';
import {
  B2B_KINDS,
  CITIES,
  COMPANY_KINDS,
  DEALER_WORDS,
  GIVEN_NAMES,
  PURCHASE_PLACES,
  ROADS,
  SHOPS,
  SURNAMES,
} from './catalogue-names';

/**
 * One row of the name table: a surname, given name, shop, dealer, company, regulator, media outlet, city, road or
 * purchase place. `terms` are the bigrams of the text; for surnames and given names only those inside the part
 * (a person's name is two parts run together, so SQL adds the bigram where they meet).
 */
export type NamePart = {
  idx: number;
  kind: string;
  text: string;
  terms: string;
  region: string | null;
  province: string | null;
  area: string | null;
  desk: number | null;
};

export type NameRanges = Readonly<Record<string, readonly [number, number]>>;

const bigrams = (text: string) => [...new Set(characterBigrams(text))].join(' ');
const inner = (text: string) => ([...text].length >= 2 ? bigrams(text) : '');

export const buildNameReference = (rng: Random, deptIdx: ReadonlyMap<string, number>) => {
  const names: NamePart[] = [];
  const ranges: Record<string, [number, number]> = {};
  const add = (kind: string, texts: readonly string[], terms: (t: string) => string = bigrams) => {
    const lo = names.length;
    for (const text of texts)
      names.push({ idx: names.length, kind, text, terms: terms(text), region: null, province: null, area: null, desk: null });
    ranges[kind] = [lo, names.length];
  };
  add('surname', SURNAMES, inner);
  add('given', GIVEN_NAMES, inner);
  const districts = CITIES.map((c) => c.prefix.replace(/^.*?[省市区]/u, '').replace(/[市区]$/u, ''));
  add('shop', SHOPS.flatMap((s) => districts.slice(0, 12).map((d) => `${s}${d}店`)));
  add(
    'dealer',
    CITIES.flatMap((c) => DEALER_WORDS.slice(0, 4).map((w, i) => `${c.short}${w}${COMPANY_KINDS[i % COMPANY_KINDS.length] ?? ''}`)),
  );
  add('b2b', CITIES.flatMap((c) => B2B_KINDS.map((k) => `${c.short}${rng.pick(DEALER_WORDS)}${k}`)));
  add('regulator', [...new Set(CITIES.map((c) => `${c.short}市场监督管理局`))]);
  add('media', [...new Set(CITIES.map((c) => `${c.short}晚报`))]);
  const lo = names.length;
  for (const c of CITIES)
    names.push({
      idx: names.length,
      kind: 'city',
      text: c.prefix,
      terms: '',
      region: c.region,
      province: c.province,
      area: c.areaCode,
      desk: deptIdx.get(DESK_OF_REGION[c.region] ?? '') ?? null,
    });
  ranges.city = [lo, names.length];
  add('road', ROADS, () => '');
  add('place', PURCHASE_PLACES, () => '');
  return { names, nameRanges: ranges as NameRanges };
};
