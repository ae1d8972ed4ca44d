import { timingSafeEqual } from 'node:crypto';
import { signWebhook } from './sign-webhook';

/**
 * For webhook receivers: true when `signature` (the `X-Closeloop-Signature` header) is the HMAC-SHA256 of
 * `"<timestamp>.<body>"` with `secret` and `timestamp` (the `X-Closeloop-Timestamp` header, unix seconds) lies
 * within `toleranceSeconds` of `now`, either way (clock skew). Pass the raw body exactly as received, before any
 * JSON parsing. The comparison takes the same time wherever the signatures differ. A valid request may still
 * arrive twice (at-least-once delivery): dedupe by `X-Closeloop-Event-Id`.
 */
export const verifyWebhookSignature = (
  secret: string,
  timestamp: string | number,
  body: string | Buffer,
  signature: string,
  now: Date,
  toleranceSeconds = 300,
): boolean => {
  const ts = String(timestamp);
  if (!/^\d{1,12}$/.test(ts)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(ts)) > toleranceSeconds) return false;
  if (!/^sha256=[0-9a-f]{64}$/.test(signature)) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
};
