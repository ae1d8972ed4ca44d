import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook } from './sign-webhook';
import { verifyWebhookSignature } from './verify-webhook-signature';

const secret = 'whsec-0123456789abcdef';
const body = '{"id":"e1","data":{"name":"张伟"}}';
const now = new Date('2026-03-02T01:00:00Z');
const ts = String(now.getTime() / 1000);
const good = signWebhook(secret, ts, body);

describe('webhook signature', () => {
  it('should be the hex HMAC-SHA256 of "<timestamp>.<body>" when computed independently', () => {
    const expected = createHmac('sha256', secret).update(`${ts}.${body}`, 'utf8').digest('hex');
    expect(good).toBe(`sha256=${expected}`);
    expect(signWebhook(secret, Number(ts), Buffer.from(body, 'utf8'))).toBe(good);
  });

  const cases = [
    { given: 'a valid signature', timestamp: ts, body, signature: good, ok: true },
    {
      given: 'a body with one character changed',
      timestamp: ts,
      body: body.replace('张伟', '张为'),
      signature: good,
      ok: false,
    },
    { given: 'a timestamp with letters', timestamp: `${ts}a`, body, signature: good, ok: false },
    { given: 'an empty timestamp', timestamp: '', body, signature: good, ok: false },
    { given: 'a negative timestamp', timestamp: `-${ts}`, body, signature: good, ok: false },
    {
      given: 'a correctly signed timestamp 10 minutes in the future',
      timestamp: String(Number(ts) + 600),
      body,
      signature: signWebhook(secret, Number(ts) + 600, body),
      ok: false,
    },
    {
      given: 'a signature without its scheme',
      timestamp: ts,
      body,
      signature: good.slice('sha256='.length),
      ok: false,
    },
    { given: 'an upper-case signature', timestamp: ts, body, signature: good.toUpperCase(), ok: false },
    { given: 'a truncated signature', timestamp: ts, body, signature: good.slice(0, -2), ok: false },
    { given: 'an empty signature', timestamp: ts, body, signature: '', ok: false },
  ];
  it.each(cases)('should return $ok when given $given', (c) => {
    expect(verifyWebhookSignature(secret, c.timestamp, c.body, c.signature, now)).toBe(c.ok);
  });
});
