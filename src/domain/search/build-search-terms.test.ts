import { describe, expect, it } from 'vitest';
import { buildSearchQuery, buildSearchTerms } from './build-search-terms';

describe('Chinese search terms', () => {
  it('should index every character bigram of every text once', () => {
    expect(buildSearchTerms(['雪饼有头发', null, '雪饼'])).toEqual(['雪饼', '饼有', '有头', '头发']);
  });

  it('should make a query that needs every bigram of the words searched for', () => {
    expect(buildSearchQuery('头发')).toBe("'头发'");
    expect(buildSearchQuery('有头发')).toBe("'有头' & '头发'");
  });

  it('should give no query when the text has nothing searchable', () => {
    expect(buildSearchQuery('！！ ？')).toBeUndefined();
  });

  it("should quote lexemes so a user's text cannot break the tsquery syntax", () => {
    const q = buildSearchQuery("o'neil & | ! :*") ?? '';
    expect(q.startsWith("'")).toBe(true);
    expect(q).not.toMatch(/[^']&[^ ]/);
  });
});
