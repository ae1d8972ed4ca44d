import { createHmac } from 'node:crypto';

/**
 * The `X-Closeloop-Signature` value of a webhook request: `sha256=` and the hex HMAC-SHA256, keyed with the shared
 * secret, of `"<timestamp>.<raw body>"` where timestamp is the `X-Closeloop-Timestamp` header (unix seconds).
 * Signing the timestamp with the body lets a receiver refuse replays of an old, captured request.
 */
export const signWebhook = (secret: string, timestamp: number | string, body: string | Buffer): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
