import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxRepo } from '../../db/repos/outbox.repo';
import { emitEvents } from '../../app/platform/emit-events';
import { startWorker } from '../../jobs/worker';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { buildNotificationHandlers } from './notify-handlers';
import { notificationPayload } from './notification-event.test-support';
import type { NotificationEventType } from '../../contracts/notification-event.contract';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture.test-support';
import { startWebhookCapture, type WebhookCapture } from './webhook-capture.test-support';

let deps: TestDeps;
let smtp: SmtpCapture;
let hook: WebhookCapture;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  hook = await startWebhookCapture();
  deps = await createTestDeps({
    OUTBOX_MAX_ATTEMPTS: '3',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Service <no-reply@service.example.com>',
    WEBHOOK_URL: hook.url,
    WEBHOOK_SECRET: 'whsec-0123456789abcdef',
  });
});
afterAll(async () => {
  await deps.close();
  await smtp.close();
  await hook.close();
});

const emit = async (type: NotificationEventType, payload: unknown): Promise<string> => {
  const [id] = await deps.db.transaction((tx) =>
    emitEvents(tx, deps.clock.now(), [
      { type, aggregateType: 'complaint', aggregateId: 'c-1', payload: payload as Record<string, unknown> },
    ]),
  );
  if (!id) throw new Error('no event');
  return id;
};

const worker = () =>
  startWorker(
    deps,
    { outboxHandlers: buildNotificationHandlers(deps.config), jobHandlers: {}, recurring: [], workerId: 'N' },
    false,
  );

describe('notifications through the real outbox worker', () => {
  it('should retry with backoff and then deliver one mail and one webhook when the SMTP server first refuses', async () => {
    smtp.received.length = 0;
    hook.received.length = 0;
    smtp.refuseNext(1);
    const id = await emit('complaint.registered', notificationPayload('complaint.registered'));
    const w = worker();

    await w.tick();
    let row = await outboxRepo.findById(deps.db.reader(), id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, deliveredHandlers: [] });
    expect(row?.lastError).toMatch(/451/);
    expect(smtp.received).toHaveLength(0);

    await w.tick();
    expect(smtp.received).toHaveLength(0);

    deps.clock.advance(3_600_000);
    await w.tick();
    row = await outboxRepo.findById(deps.db.reader(), id);
    expect(row).toMatchObject({
      status: 'delivered',
      attempts: 2,
      deliveredHandlers: ['notify.email', 'notify.webhook'],
    });
    expect(smtp.received).toHaveLength(1);
    const mail = await simpleParser(smtp.received[0]?.raw ?? Buffer.alloc(0));
    expect(mail.messageId).toBe(`<${id}@service.example.com>`);
    expect(mail.subject).toBe('【KS-2026-000123】我们已收到您的投诉');
    expect(hook.received.map((r) => r.headers['x-closeloop-event-id'])).toEqual([id]);
  });

  it('should not send the mail again when only the webhook failed and is retried', async () => {
    smtp.received.length = 0;
    hook.received.length = 0;
    hook.answerNext(503);
    const id = await emit('deadline.breached', notificationPayload('deadline.breached'));
    const w = worker();

    await w.tick();
    let row = await outboxRepo.findById(deps.db.reader(), id);
    expect(row).toMatchObject({ status: 'pending', deliveredHandlers: ['notify.email'] });
    expect(row?.lastError).toContain('webhook answered HTTP 503');

    deps.clock.advance(3_600_000);
    await w.tick();
    row = await outboxRepo.findById(deps.db.reader(), id);
    expect(row?.status).toBe('delivered');
    expect(smtp.received).toHaveLength(1);
    expect(hook.received).toHaveLength(2);
  });

  it('should dead-letter a malformed payload after the configured attempts and send nothing', async () => {
    smtp.received.length = 0;
    hook.received.length = 0;
    const id = await emit('complaint.resolved', { number: 'KS-2026-000999' });
    const w = worker();
    for (let i = 0; i < 3; i += 1) {
      await w.tick();
      deps.clock.advance(3_600_000);
    }
    const row = await outboxRepo.findById(deps.db.reader(), id);
    expect(row?.status).toBe('dead');
    expect(row?.lastError).toMatch(
      /^MalformedNotificationError: permanent failure: malformed notification payload/,
    );
    expect(smtp.received).toHaveLength(0);
    expect(hook.received).toHaveLength(0);
  });

  it('should leave events nobody routes untouched by the notification channels', async () => {
    smtp.received.length = 0;
    hook.received.length = 0;
    const id = await emit('complaint.triaged', notificationPayload('complaint.triaged'));
    await worker().tick();
    expect((await outboxRepo.findById(deps.db.reader(), id))?.status).toBe('delivered');
    expect(smtp.received).toHaveLength(0);
    expect(hook.received).toHaveLength(0);
  });
});
