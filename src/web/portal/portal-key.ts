/** How the customer identifies a complaint: the tracking token, or the number with the last 4 phone digits. */
export type PortalKey = { readonly token: string } | { readonly number: string; readonly phoneLast4: string };

/** The key as request fields (query string, JSON body or multipart fields). */
export const keyFields = (key: PortalKey): Record<string, string> =>
  'token' in key ? { token: key.token } : { number: key.number, phoneLast4: key.phoneLast4 };

/** The react-query key of a tracked complaint: answers and ratings replace its data with the server's view. */
export const trackQueryKey = (key: PortalKey) => ['portal-track', keyFields(key)] as const;

/** Money in integer fen shown as yuan with two decimals, without floating-point arithmetic. */
export const fenToYuan = (fen: number): string => {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
};
