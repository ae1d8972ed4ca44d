import { characterBigrams } from '../../src/domain/classification/tokenise-text';
import type { Role } from '../../src/domain/identity/roles';
import { createRandom, type Random } from '../lib/random';
import { DEPARTMENTS } from './catalogue-org';
import { GIVEN_NAMES, SURNAMES } from './catalogue-names';
import {
  APPLIANCE_BRANDS,
  APPLIANCE_SERIES,
  FOOD_BRANDS,
  FOOD_SERIES,
  PRODUCT_LINES,
  type ProductLine,
} from './catalogue-products';
import { buildNameReference } from './reference-names';
import { buildTextReference, toPiece } from './reference-texts';

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;
/** Complaints are received over this many days before `now`. */
export const SPAN_DAYS = 3 * 365;
export const BATCHES_PER_PRODUCT = 10;

export type Timeline = {
  /** Local (Asia/Shanghai) midnight SPAN_DAYS before the day of `now`: the first complaint. */
  readonly start: Date;
  /** `now`: complaints are received before it and their state is the state at this instant. */
  readonly anchor: Date;
  /** Production of batch k of a product: batchBase + (k + offset of the product) × spacing. */
  readonly batchBase: Date;
  readonly batchSpacingMs: number;
};

export const timelineOf = (now: Date): Timeline => {
  const anchor = now.getTime();
  const start = Math.floor((anchor + SHANGHAI) / DAY) * DAY - SHANGHAI - SPAN_DAYS * DAY;
  // Ten batches per product over the span, the first one spacing before the first complaint.
  const spacing = Math.floor((anchor - start) / (BATCHES_PER_PRODUCT - 1));
  return {
    start: new Date(start),
    anchor: new Date(anchor),
    batchBase: new Date(start - spacing),
    batchSpacingMs: spacing,
  };
};

const bigrams = (text: string) => [...new Set(characterBigrams(text))].join(' ');
const between = (rng: Random, [lo, hi]: readonly [number, number]) => lo + rng.int(hi - lo + 1);
const localDate = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(0, 10);

const pickLine = (rng: Random, kind: ProductLine['kind']): ProductLine => {
  const lines = PRODUCT_LINES.filter((l) => l.kind === kind);
  let r = rng.next() * lines.reduce((s, l) => s + l.weight, 0);
  for (const l of lines) {
    r -= l.weight;
    if (r < 0) return l;
  }
  return rng.pick(lines);
};

/**
 * Everything the generator computes in JavaScript, deterministic from the seed: the department tree and its staff
 * (who handles what, busiest first), the product catalogue in popularity order with ten dated batches each (one of
 * them bad), name parts, and the complaint text pieces with their search terms and suggested classifications.
 */
export const buildReferenceData = (seed: number, productCount: number, tl: Timeline) => {
  const rng = createRandom(seed);
  const created = tl.start.getTime() - 400 * DAY;
  const deptIdx = new Map(DEPARTMENTS.map((d, i) => [d.code, i]));
  const departments = DEPARTMENTS.map((d, idx) => ({
    idx,
    id: rng.uuid7(created + idx),
    code: d.code,
    name: d.name,
    nameEn: d.nameEn,
    parentCode: d.parent,
    parentId: null as string | null,
    path: '',
    depth: 0,
    handlers: [] as string[],
  }));
  for (const d of departments) {
    const parent = departments.find((p) => p.code === d.parentCode);
    d.parentId = parent?.id ?? null;
    d.depth = parent ? parent.depth + 1 : 0;
    d.path = `${parent?.path ?? '/'}${d.id}/`;
  }

  const personName = () => `${rng.pickSkewed(SURNAMES)}${rng.pick(GIVEN_NAMES)}`;
  const users: {
    idx: number; id: string; username: string; displayName: string; email: string; role: Role; departmentId: string;
  }[] = [];
  const addUser = (role: Role, departmentId: string) => {
    const n = String(users.length + 1).padStart(3, '0');
    const user = { idx: users.length, id: rng.uuid7(created + 1000 + users.length), username: `bench.${n}`,
      displayName: personName(), email: `bench.${n}@example.com`, role, departmentId };
    users.push(user);
    return user.id;
  };
  for (const [i, def] of DEPARTMENTS.entries()) {
    const dept = departments[i];
    if (!dept) continue;
    const manager = addUser('department_manager', dept.id);
    const staff = Object.entries(def.staff).flatMap(([role, n]) =>
      Array.from({ length: n }, () => addUser(role as Role, dept.id)),
    );
    dept.handlers = staff.length > 0 ? staff : [manager];
  }

  const products = Array.from({ length: productCount }, (_, idx) => {
    const kind: ProductLine['kind'] = rng.next() < 0.7 ? 'food' : 'appliance';
    const l = pickLine(rng, kind);
    const noun = rng.pick(l.nouns);
    const food = kind === 'food';
    const name = `${rng.pick(food ? FOOD_BRANDS : APPLIANCE_BRANDS)}${rng.pick(food ? FOOD_SERIES : APPLIANCE_SERIES)}${noun}`;
    const nounPiece = toPiece(idx, 0, noun);
    return {
      idx,
      id: rng.uuid7(created + 5000 + idx),
      code: `${food ? 'FD' : 'AP'}-${String(10001 + idx)}`,
      name,
      model: food ? rng.pick(l.packs) : `${rng.pick(l.packs)}-${20 + rng.int(80)}${rng.pick(['A', 'B', 'C', 'S'])}`,
      category: l.category,
      cat: food ? 0 : 1,
      priceFen: Math.round(between(rng, l.priceFen) / 10) * 10,
      warrantyMonths: l.warrantyMonths,
      noun,
      nounTerms: nounPiece.terms,
      nounHead: nounPiece.head,
      nounTail: nounPiece.tail,
      nameTerms: bigrams(name),
      /** Offset of its batch calendar, as a share of the spacing. */
      off: Math.round(rng.next() * 1000) / 1000,
      /** The batch that floods with complaints after it ships. */
      badK: 1 + rng.int(BATCHES_PER_PRODUCT - 1),
    };
  });
  const batches = products.flatMap((p) =>
    Array.from({ length: BATCHES_PER_PRODUCT }, (_, k) => {
      const made = tl.batchBase.getTime() + (k + p.off) * tl.batchSpacingMs;
      const day = localDate(made);
      const batchNo = `${day.slice(2).replace(/-/g, '')}${'ABCD'[k % 4] ?? 'A'}${String(p.idx + 1).padStart(4, '0')}`;
      return {
        idx: p.idx * BATCHES_PER_PRODUCT + k,
        prod: p.idx,
        id: rng.uuid7(made),
        batchNo,
        productionDate: day,
        quantity: 5000 + rng.int(75) * 1000,
        terms: bigrams(batchNo),
        bad: k === p.badK,
      };
    }),
  );

  const { names, nameRanges } = buildNameReference(rng, deptIdx);
  const text = buildTextReference(deptIdx, [...new Set(products.map((p) => p.noun))]);
  return {
    departments: departments.map(({ parentCode: _p, ...d }) => d),
    users,
    products,
    batches,
    names,
    nameRanges,
    openings: text.openings,
    closings: text.closings,
    cores: text.cores,
    groups: text.groups,
  };
};

export type ReferenceData = ReturnType<typeof buildReferenceData>;
