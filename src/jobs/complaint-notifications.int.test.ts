import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNotificationHandlers } from '../channels/notify/notify-handlers';
import { startSmtpCapture, type SmtpCapture } from '../channels/notify/smtp-capture.test-support';
import { startWebhookCapture, type WebhookCapture } from '../channels/notify/webhook-capture.test-support';
import {
  createComplaintWorld,
  hotlineComplaint,
  type ComplaintWorld,
} from '../../test/factories/complaint.factory';
import { createTestApp } from '../../test/test-app';
import type { TestDeps } from '../../test/test-deps';
import { startWorker } from './worker';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let world: ComplaintWorld;
let smtp: SmtpCapture;
let hook: WebhookCapture;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  hook = await startWebhookCapture();
  ({ deps, app, close } = await createTestApp({
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Closeloop <service@example.com>',
    WEBHOOK_URL: hook.url,
    WEBHOOK_SECRET: 'a-long-webhook-secret',
    PUBLIC_URL: 'https://closeloop.example.com',
  }));
  deps.clock.set(new Date('2026-03-02T02:00:00Z'));
  world = await createComplaintWorld(deps, app);
});
afterAll(async () => {
  await close();
  await smtp.close();
  await hook.close();
});

const drain = async () => {
  const worker = startWorker(
    deps,
    { outboxHandlers: buildNotificationHandlers(deps.config), jobHandlers: {}, recurring: [] },
    false,
  );
  for (;;) if ((await worker.tick()).events === 0) return;
};

describe('milestones reach the customer and the owner (R-FUP-1)', () => {
  it('should e-mail the customer the number and tracking link, and the owner the assignment, over real SMTP and a signed webhook', async () => {
    const { agent, manager } = world.users;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: agent.session.headers,
      payload: hotlineComplaint({
        customer: { name: '王女士', phone: '13812345678', email: 'wang@example.com', type: 'consumer' },
      }) as never,
    });
    const c = created.json().complaint as { id: string; number: string };
    await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${c.id}/transitions`,
      headers: agent.session.headers,
      payload: {
        type: 'triage',
        classification: {
          nature: 'foreign_matter',
          severity: 'major',
          validity: 'valid',
          responsibilityStage: 'production',
          misuse: false,
        },
      },
    });
    await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${c.id}/transitions`,
      headers: agent.session.headers,
      payload: { type: 'assign', departmentId: world.depts.PROD.id, assigneeId: manager.id },
    });
    await drain();
    const mails = await Promise.all(smtp.received.map((m) => simpleParser(m.raw)));
    const toCustomer = mails.find((m) => m.to && JSON.stringify(m.to).includes('wang@example.com'));
    expect(toCustomer?.subject).toContain(c.number);
    expect(toCustomer?.text).toContain('https://closeloop.example.com/portal/track?token=');
    const toOwner = mails.find((m) => m.to && JSON.stringify(m.to).includes('prod.mgr@example.com'));
    expect(toOwner?.subject).toContain(c.number);
    const types = hook.received.map((r) => (JSON.parse(r.body.toString()) as { type: string }).type);
    expect(types).toEqual(expect.arrayContaining(['complaint.registered', 'complaint.assigned']));
  });
});
