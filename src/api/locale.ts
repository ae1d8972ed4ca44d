import type { ApiLocale } from './errors/error-messages';

/**
 * Picks zh-CN or en from Accept-Language by the client's order of preference (q-values honoured).
 * Anything that is neither falls back to the configured default (zh-CN unless set otherwise).
 */
export const pickLocale = (header: string | undefined, fallback: ApiLocale): ApiLocale => {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { tag: tag.toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return fallback;
};
