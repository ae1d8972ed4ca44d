import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../app/logger';
import { testConfig } from '../../../test/test-deps';
import { createTestClock } from '../../../test/test-clock';
import { notificationEvent } from './notification-event.test-support';
import type { NotifyDeps } from './notification-handler';
import { verifyWebhookSignature } from './verify-webhook-signature';
import {
  startWebhookCapture,
  type CapturedRequest,
  type WebhookCapture,
} from './webhook-capture.test-support';
import { createWebhookChannel } from './webhook.channel';

const SECRET = 'whsec-0123456789abcdef';
let hook: WebhookCapture;
const clock = createTestClock(new Date('2026-03-02T01:00:00.000Z'));
const deps: NotifyDeps = {
  config: testConfig({ PUBLIC_URL: 'https://service.example.com' }),
  clock,
  log: createLogger('silent'),
};
let channel: ReturnType<typeof createWebhookChannel>;

beforeAll(async () => {
  hook = await startWebhookCapture();
  channel = createWebhookChannel({ url: hook.url, secret: SECRET, timeoutMs: 300 });
});
afterAll(() => hook.close());
beforeEach(() => {
  hook.received.length = 0;
  hook.answerNext();
});

const only = (): CapturedRequest => {
  expect(hook.received).toHaveLength(1);
  return hook.received[0] as CapturedRequest;
};
const header = (r: CapturedRequest, name: string): string => String(r.headers[name] ?? '');

describe('signed webhook channel against a real HTTP receiver', () => {
  it('should POST the event as signed JSON that verifyWebhookSignature accepts when a milestone happens', async () => {
    const event = notificationEvent('complaint.registered', { trackingUrl: '/portal/track/tok1' });
    await channel.deliver(deps, event);
    const req = only();
    expect(req.method).toBe('POST');
    expect(header(req, 'content-type')).toBe('application/json; charset=utf-8');
    expect(header(req, 'x-closeloop-event-id')).toBe(event.id);
    expect(header(req, 'x-closeloop-timestamp')).toBe(String(Date.parse('2026-03-02T01:00:00Z') / 1000));
    expect(header(req, 'x-closeloop-signature')).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(
      verifyWebhookSignature(
        SECRET,
        header(req, 'x-closeloop-timestamp'),
        req.body,
        header(req, 'x-closeloop-signature'),
        new Date('2026-03-02T01:00:30Z'),
      ),
    ).toBe(true);
    const body = JSON.parse(req.body.toString('utf8')) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: event.id,
      type: 'complaint.registered',
      occurredAt: '2026-03-02T01:00:00.000Z',
      data: {
        number: 'KS-2026-000123',
        eventType: 'complaint.registered',
        locale: 'zh-CN',
        customer: { name: '张伟', phone: '13800138000' },
        trackingUrl: 'https://service.example.com/portal/track/tok1',
      },
      message: { audience: 'customer', locale: 'zh-CN', subject: '【KS-2026-000123】我们已收到您的投诉' },
    });
  });

  it('should address the message to the owner in Chinese when a deadline is warned', async () => {
    await channel.deliver(deps, notificationEvent('deadline.warned', { locale: 'en' }));
    const body = JSON.parse(only().body.toString('utf8')) as {
      message: Record<string, string>;
      data: object;
    };
    expect(body.message).toMatchObject({ audience: 'owner', locale: 'zh-CN' });
    expect(body.message.text).toContain('时限将于 2026-03-03 17:30（中国标准时间）到期');
    expect(body.data).toMatchObject({
      deadline: { kind: 'first_response', dueAt: '2026-03-03T09:30:00.000Z' },
    });
  });

  it('should fail verification when the body, the secret or the signature is tampered with', async () => {
    await channel.deliver(deps, notificationEvent('complaint.closed'));
    const req = only();
    const ts = header(req, 'x-closeloop-timestamp');
    const sig = header(req, 'x-closeloop-signature');
    const now = clock.now();
    const tampered = req.body.toString('utf8').replace('KS-2026-000123', 'KS-2026-000124');
    expect(verifyWebhookSignature(SECRET, ts, req.body, sig, now)).toBe(true);
    expect(verifyWebhookSignature(SECRET, ts, tampered, sig, now)).toBe(false);
    expect(verifyWebhookSignature('another-secret-of-16+', ts, req.body, sig, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, String(Number(ts) + 1), req.body, sig, now)).toBe(false);
    expect(
      verifyWebhookSignature(
        SECRET,
        ts,
        req.body,
        sig.replace(/.$/, (c) => (c === '0' ? '1' : '0')),
        now,
      ),
    ).toBe(false);
  });

  it('should fail verification when the timestamp is older than the replay window', async () => {
    await channel.deliver(deps, notificationEvent('complaint.resolved'));
    const req = only();
    const args = [
      SECRET,
      header(req, 'x-closeloop-timestamp'),
      req.body,
      header(req, 'x-closeloop-signature'),
    ] as const;
    const sent = clock.now().getTime();
    expect(verifyWebhookSignature(...args, new Date(sent + 300_000))).toBe(true);
    expect(verifyWebhookSignature(...args, new Date(sent + 301_000))).toBe(false);
    expect(verifyWebhookSignature(...args, new Date(sent + 3_600_000), 7200)).toBe(true);
  });

  it('should throw so the outbox retries when the receiver answers 500', async () => {
    hook.answerNext(500);
    await expect(channel.deliver(deps, notificationEvent('complaint.assigned'))).rejects.toThrow(
      'webhook answered HTTP 500: gateway down',
    );
    await expect(channel.deliver(deps, notificationEvent('complaint.assigned'))).resolves.toBeUndefined();
  });

  it('should throw when the receiver does not answer within the timeout', async () => {
    hook.answerNext('hang');
    const started = Date.now();
    await expect(channel.deliver(deps, notificationEvent('complaint.escalated'))).rejects.toThrow(
      'webhook delivery failed: no answer within 300 ms',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('should throw rather than follow a redirect elsewhere with the signed personal data', async () => {
    hook.answerNext('redirect');
    await expect(channel.deliver(deps, notificationEvent('complaint.reopened'))).rejects.toThrow(
      /webhook delivery failed/,
    );
    expect(hook.received).toHaveLength(1);
  });

  it('should throw when nothing listens at the webhook address', async () => {
    const closed = await startWebhookCapture();
    await closed.close();
    const down = createWebhookChannel({ url: closed.url, secret: SECRET, timeoutMs: 1000 });
    await expect(down.deliver(deps, notificationEvent('complaint.registered'))).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });

  it('should throw a permanent error and send nothing when the payload is malformed', async () => {
    await expect(
      channel.deliver(deps, notificationEvent('complaint.registered', {}, { number: 'KS-1' })),
    ).rejects.toThrow(/^permanent failure: malformed notification payload/);
    expect(hook.received).toHaveLength(0);
  });
});
