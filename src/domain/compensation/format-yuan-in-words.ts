const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'] as const;
const SECTIONS = ['', '万', '亿', '万亿'] as const;

const digit = (d: number): string => DIGITS[d] ?? '';

/** One group of four digits (0 < n < 10 000), inner zeros written once: 1010 → 壹仟零壹拾. */
const sectionWords = (n: number): string => {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place -= 1) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += digit(d) + PLACES[place];
  }
  return out;
};

const integerWords = (n: number): string => {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let gap = false;
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    const g = groups[i] ?? 0;
    if (g === 0) {
      if (out !== '') gap = true;
      continue;
    }
    // A zero stands between groups when the lower group does not fill its thousands place, or a group was skipped.
    if (out !== '' && (g < 1_000 || gap)) out += '零';
    gap = false;
    out += sectionWords(g) + SECTIONS[i];
  }
  return out;
};

/**
 * An amount in fen written out in capital Chinese numerals for financial documents (人民币大写, R-RPT-3 forms), as
 * the payment rules write them: 元 or 角 amounts end in 整, 分 amounts do not; zeros inside are written once.
 * 123 456 fen → 人民币壹仟贰佰叁拾肆元伍角陆分; 100 000 → 人民币壹仟元整; 5 → 人民币伍分. Non-negative whole fen only, up to
 * 10^16 fen.
 */
export const formatYuanInWords = (fen: number): string => {
  if (!Number.isSafeInteger(fen) || fen < 0)
    throw new RangeError(`not a whole, non-negative fen amount: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (yuan === 0 && jiao === 0 && cents === 0) return '人民币零元整';
  let out = '人民币';
  if (yuan > 0) out += `${integerWords(yuan)}元`;
  if (jiao > 0) out += `${digit(jiao)}角`;
  else if (yuan > 0 && cents > 0) out += '零';
  out += cents > 0 ? `${digit(cents)}分` : '整';
  return out;
};
