import { decideClassification } from '../../src/domain/classification/classification-record';
import { FOOD_CLASSIFICATION_RULES } from '../../src/domain/classification/classification-rules';
import {
  ESCALATION_KEYWORD_RULES,
  FOOD_KEYWORD_RULES,
} from '../../src/domain/classification/keyword-rules';
import { isUrgentByDefault } from '../../src/domain/classification/decide-after-hours-handling';
import { suggestClassification } from '../../src/domain/classification/suggest-classification';
import { characterBigrams } from '../../src/domain/classification/tokenise-text';
import type { ComplaintKind, EscalationFlag, Injury, Scope, Validity } from '../../src/domain/complaint/complaint-vocabulary';
import { CLOSINGS, OPENINGS } from './catalogue-pieces';
import { GROUPS, type ClosingClass, type GroupDef, type OpeningClass } from './catalogue-texts';

/** A text with its search terms precomputed by the product's tokeniser; head/tail are its edge characters. */
const HAN = /\p{Script=Han}/u;

export type Piece = { idx: number; cls: number; text: string; terms: string; head: string; tail: string };

/**
 * The pieces' bigrams are joined in SQL, plus one bigram where two pieces meet (tail of one, head of the next): the
 * tokeniser skips punctuation without breaking a run (src/domain/classification/tokenise-text.ts), so pieces always
 * run on. That equals the tokeniser on the whole text only if each piece's first and last two letters are Chinese
 * (or it has none): checked here, so the stored vectors are exact by construction.
 */
export const toPiece = (idx: number, cls: number, text: string): Piece => {
  const letters = [...text.normalize('NFKC')].filter((ch) => /[\p{L}\p{N}]/u.test(ch));
  const edge = (seq: readonly string[]): string => {
    if (seq.length === 0) return '';
    if (!HAN.test(seq[0] ?? '') || !HAN.test(seq[1] ?? ''))
      throw new Error(`piece "${text}" must start and end with two Chinese characters (punctuation aside)`);
    return seq[0] ?? '';
  };
  return {
    idx,
    cls,
    text,
    terms: [...new Set(characterBigrams(text))].join(' '),
    head: edge(letters),
    tail: edge([...letters].reverse()),
  };
};

const KEYWORDS = [...FOOD_KEYWORD_RULES, ...ESCALATION_KEYWORD_RULES].flatMap((r) => r.keywords);

/** Throws when joining two pieces creates a classification keyword neither holds (it would change suggestions). */
export const assertNoKeywordAcross = (left: string, right: string): void => {
  for (const k of KEYWORDS)
    if ((left + right).includes(k) && !left.includes(k) && !right.includes(k))
      throw new Error(`"${left}" + "${right}" forms the keyword ${k}`);
};

const KINDS: readonly ComplaintKind[] = ['complaint', 'inquiry', 'suggestion', 'praise', 'internal_report'];
export const kindIndex = (k: ComplaintKind): number => KINDS.indexOf(k);
const CATS = ['food', 'appliance', 'any'] as const;
const OPENING_CLASSES = Object.keys(OPENINGS) as OpeningClass[];
const CLOSING_CLASSES = Object.keys(CLOSINGS) as ClosingClass[];

/**
 * Complaint variants (intake answers that change the suggestion), by number: 0 one unit, 1 several units, 2 batch,
 * 3 minor injury, 4 serious injury, 5–9 an escalation flag. A combo is `variant * 4 + official * 2 + retail`:
 * official = the regulator transferred it (12315), retail = a shop complains (the 商超 hint).
 */
export const VARIANT_FLAGS: readonly (EscalationFlag | null)[] = [
  null, null, null, null, null, 'media', 'consumer_association', 'regulator', 'lawyer', 'threat_to_publish',
];
export const VARIANT_SCOPES: readonly Scope[] = ['single_unit', 'several_units', 'batch'];
const injuryOf = (v: number): Injury => (v === 3 ? 'minor' : v === 4 ? 'serious' : 'none');

export type Suggestion = {
  combo: number;
  suggestion: unknown;
  urgent: boolean;
  nature: string;
  severity: string;
  major: boolean;
  misuse: boolean;
  /** Classification documents by validity, without confirmedAt / confirmedBy (added per complaint). */
  clsValid: unknown;
  clsNoProblem: unknown;
  clsNotOurs: unknown;
};

export type Core = Piece & { grp: number; symptom: string; part: string | null; sugg: Suggestion[] };
export type Group = {
  idx: number; code: string; kind: number; cat: number; nature: string; severity: string; stage: string;
  depts: number[]; coreLo: number; coreN: number; oLo: number; oN: number; cLo: number; cN: number;
  withNoun: boolean; injury: number; explain: number; unitReturn: number; demands: string[];
  solKind: string; solText: string; solFactor: number; resText: string; slotLo: number; slotHi: number;
};

const combosOf = (kind: ComplaintKind): number[] => {
  if (kind === 'complaint') return Array.from({ length: 40 }, (_, c) => c);
  if (kind === 'internal_report') return [0, 8];
  return [0, 1];
};

const suggest = (g: GroupDef, text: string, combo: number): Suggestion => {
  const v = combo >> 2;
  const official = (combo & 2) !== 0;
  const retail = (combo & 1) !== 0;
  const flag = VARIANT_FLAGS[v] ?? null;
  const injury = injuryOf(v);
  const suggestion = suggestClassification(
    {
      description: text,
      kind: g.kind,
      injury,
      flags: flag ? [flag] : [],
      claimedAmountFen: null,
      productPriceFen: null,
      priorComplaintsSameUnit90d: 0,
      priorComplaintsSameCustomer90d: 0,
      scope: VARIANT_SCOPES[v] ?? 'single_unit',
      channel: official ? 'regulator' : 'hotline',
      customerType: retail ? 'retailer' : g.kind === 'internal_report' ? 'b2b' : 'consumer',
    },
    FOOD_CLASSIFICATION_RULES,
  );
  const nature = suggestion.nature ?? g.nature;
  const suggested = suggestion.severity ?? g.severity;
  const severity = retail && suggested === 'minor' ? 'retail' : suggested;
  const classify = (validity: Validity) => {
    const r = decideClassification(
      suggestion,
      {
        nature: nature as never,
        severity,
        validity,
        responsibilityStage: validity === 'valid' ? (g.stage as never) : 'unknown',
        misuse: false,
      },
      FOOD_CLASSIFICATION_RULES.taxonomy,
      'bench',
      new Date(0),
    );
    if (!r.ok) throw new Error(`classification of "${text}" refused: ${r.error.code}`);
    const { confirmedAt: _at, confirmedBy: _by, ...body } = r.value;
    return body;
  };
  const valid = classify('valid');
  return {
    combo,
    suggestion,
    urgent: isUrgentByDefault(suggestion, injury),
    nature,
    severity,
    major: valid.major,
    misuse: valid.misuse,
    clsValid: valid,
    clsNoProblem: classify('no_quality_problem'),
    clsNotOurs: classify('not_our_product'),
  };
};

/**
 * Openings, closings, problem cores (with the suggestion and classification of every intake combo, computed by the
 * product's own domain functions) and groups with their weighted slots (1000 per kind and category).
 */
export const buildTextReference = (deptIdx: ReadonlyMap<string, number>, nouns: readonly string[]) => {
  const openings: Piece[] = [];
  const closings: Piece[] = [];
  const openRange = new Map<OpeningClass, [number, number]>();
  const closeRange = new Map<ClosingClass, [number, number]>();
  OPENING_CLASSES.forEach((cls, c) => {
    openRange.set(cls, [openings.length, OPENINGS[cls].length]);
    for (const t of OPENINGS[cls]) openings.push(toPiece(openings.length, c, t));
  });
  CLOSING_CLASSES.forEach((cls, c) => {
    closeRange.set(cls, [closings.length, CLOSINGS[cls].length]);
    for (const t of CLOSINGS[cls]) {
      closings.push(toPiece(closings.length, c, t));
    }
  });
  const cores: Core[] = [];
  const groups: Group[] = [];
  const before = new Map<number, number>();
  const totals = new Map<number, number>();
  for (const g of GROUPS) {
    const key = kindIndex(g.kind) * 3 + CATS.indexOf(g.category);
    totals.set(key, (totals.get(key) ?? 0) + g.weight);
  }
  for (const g of GROUPS) {
    const kind = kindIndex(g.kind);
    const cat = CATS.indexOf(g.category);
    const key = kind * 3 + cat;
    const total = totals.get(key) ?? 1;
    const lo = before.get(key) ?? 0;
    before.set(key, lo + g.weight);
    const [oLo, oN] = openRange.get(g.opening) ?? [0, 0];
    const [cLo, cN] = closeRange.get(g.closing) ?? [0, 0];
    for (const core of g.cores) {
      if (!g.withNoun) for (const o of OPENINGS[g.opening]) assertNoKeywordAcross(o, core.text);
      for (const n of g.withNoun ? nouns : []) assertNoKeywordAcross(n, core.text);
      for (const c of CLOSINGS[g.closing]) assertNoKeywordAcross(core.text, c);
      cores.push({
        ...toPiece(cores.length, groups.length, core.text),
        grp: groups.length,
        symptom: core.symptom,
        part: core.part ?? null,
        sugg: combosOf(g.kind).map((c) => suggest(g, core.text, c)),
      });
    }
    groups.push({
      idx: groups.length, code: g.code, kind, cat, nature: g.nature, severity: g.severity, stage: g.stage,
      depts: g.depts.map((code) => {
        const i = deptIdx.get(code);
        if (i === undefined) throw new Error(`group ${g.code}: unknown department ${code}`);
        return i;
      }),
      coreLo: cores.length - g.cores.length, coreN: g.cores.length, oLo, oN, cLo, cN, withNoun: g.withNoun,
      injury: g.injury, explain: g.explain, unitReturn: g.unitReturn, demands: [...g.demands],
      solKind: g.solution.kind, solText: g.solution.text, solFactor: g.solution.factor, resText: g.resolution,
      slotLo: Math.round((lo / total) * 1000), slotHi: Math.round(((lo + g.weight) / total) * 1000),
    });
  }
  for (const o of Object.values(OPENINGS).flat())
    for (const n of nouns) assertNoKeywordAcross(o, n);
  return { openings, closings, cores, groups };
};
