/** Resolves the payload's tracking link: absolute URLs as they are, `/paths` against PUBLIC_URL, else none. */
export const resolveTrackingUrl = (
  trackingUrl: string | null,
  publicUrl: string | undefined,
): string | null => {
  if (!trackingUrl) return null;
  if (!trackingUrl.startsWith('/')) return trackingUrl;
  return publicUrl ? new URL(trackingUrl, publicUrl).toString() : null;
};
