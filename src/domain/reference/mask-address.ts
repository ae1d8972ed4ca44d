/**
 * Masks a postal address for viewers without `pii.reveal` (R-SEC-1, 个人信息保护法): keeps the leading third,
 * at most 6 characters — in a Chinese address the province and city (浙江省杭州市****) — and hides the street,
 * building and room. Counts Unicode code points, so a character is never cut in half.
 */
export const maskAddress = (address: string): string => {
  const chars = [...address.trim()];
  const keep = Math.min(6, Math.floor(chars.length / 3));
  return `${chars.slice(0, keep).join('')}****`;
};
