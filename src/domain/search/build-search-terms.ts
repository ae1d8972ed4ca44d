import { characterBigrams } from '../classification/tokenise-text';

/**
 * The lexemes a complaint is found by (ARCHITECTURE: Chinese search): character bigrams of its texts (single
 * characters for one-character runs), deduplicated. Stored with `array_to_tsvector`, so PostgreSQL's parser, which
 * does not segment Chinese, never sees them. Bigrams miss no substring query of two or more characters.
 */
export const buildSearchTerms = (texts: readonly (string | null | undefined)[]): string[] => {
  const terms = new Set<string>();
  for (const text of texts) if (text) for (const t of characterBigrams(text)) terms.add(t);
  return [...terms];
};

/**
 * A tsquery literal that matches documents containing every bigram of the query (AND), or undefined when the
 * query has no searchable characters. The caller rechecks the hits with a substring match, because bigrams
 * present in any order would also match.
 */
export const buildSearchQuery = (query: string): string | undefined => {
  const terms = buildSearchTerms([query]);
  if (terms.length === 0) return undefined;
  return terms.map((t) => `'${t.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`).join(' & ');
};
