/**
 * Normalises free text for matching: NFKC folds full-width ASCII (`ＡＢＣ１２３`), the ideographic space and
 * circled digits into their plain forms; then lower case; then combining marks are dropped (keycap and
 * variation selectors on emoji). Traditional and simplified Chinese are not folded into each other.
 */
export const normaliseText = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(/\p{M}/gu, '');

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

type Script = 'han' | 'other';

/**
 * Splits text into runs of word characters (letters and digits). Punctuation, symbols, emoji and white space
 * are ignored — Chinese writers put spaces and commas anywhere, so `空调 不制冷！` reads as `空调不制冷`. A run
 * breaks where Chinese characters meet other letters or digits, so a model number never pairs with the Chinese
 * next to it (`KFR-35GW不制冷` → `kfr35gw` + `不制冷`). Iterates by code point: 𠮷 (outside the BMP) stays whole.
 */
const splitRuns = (text: string): readonly (readonly string[])[] => {
  const runs: string[][] = [];
  let current: string[] = [];
  let script: Script | null = null;
  for (const ch of normaliseText(text)) {
    if (!WORD.test(ch)) continue;
    const s: Script = HAN.test(ch) ? 'han' : 'other';
    if (script !== null && s !== script) {
      runs.push(current);
      current = [];
    }
    current.push(ch);
    script = s;
  }
  if (current.length > 0) runs.push(current);
  return runs;
};

/**
 * Character bigrams of a text, in order, repeats kept (R-INT-3 duplicate detection; the same tokens serve
 * Chinese full-text search, where no segmentation library is needed). Chinese has no spaces between words, so
 * overlapping pairs of characters are the robust unit: 饼干里有头发 → 饼干 干里 里有 有头 头发. A run of a single
 * character (a one-character text, or 3 in `买了3袋`) yields that character, so nothing is lost for very short
 * text. See `normaliseText` for what is folded and `splitRuns` for what is ignored. A search box should split
 * its query on white space itself, since here white space is ignored.
 */
export const characterBigrams = (text: string): readonly string[] =>
  splitRuns(text).flatMap((run) =>
    run.length === 1 ? [run[0] as string] : run.slice(1).map((ch, i) => `${run[i] as string}${ch}`),
  );
