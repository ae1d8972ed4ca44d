import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../app/logger';
import { testConfig } from '../../../test/test-deps';
import { createTestClock } from '../../../test/test-clock';
import { createEmailChannel } from './email.channel';
import { notificationEvent } from './notification-event.test-support';
import type { NotifyDeps } from './notification-handler';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture.test-support';

let smtp: SmtpCapture;
const deps: NotifyDeps = {
  config: testConfig({ PUBLIC_URL: 'https://service.example.com' }),
  clock: createTestClock(),
  log: createLogger('silent'),
};
const from = 'Closeloop 客服 <no-reply@service.example.com>';
let channel: ReturnType<typeof createEmailChannel>;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  channel = createEmailChannel({ smtpUrl: smtp.url, from });
});
afterAll(() => smtp.close());
beforeEach(() => {
  smtp.received.length = 0;
});

const lastMail = async (): Promise<ParsedMail & { envelopeTo: readonly string[] }> => {
  const mail = smtp.received.at(-1);
  if (!mail) throw new Error('no mail arrived');
  return Object.assign(await simpleParser(mail.raw), { envelopeTo: mail.to });
};

describe('e-mail notification channel over a real SMTP server', () => {
  it('should mail the customer in Chinese with the number, tracking link and event-id Message-ID when a complaint is registered', async () => {
    const event = notificationEvent('complaint.registered');
    await channel.deliver(deps, event);
    const mail = await lastMail();
    expect(mail.envelopeTo).toEqual(['zhang.wei@example.com']);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([
      { name: '张伟', address: 'zhang.wei@example.com' },
    ]);
    expect(mail.from?.value).toEqual([{ name: 'Closeloop 客服', address: 'no-reply@service.example.com' }]);
    expect(mail.subject).toBe('【KS-2026-000123】我们已收到您的投诉');
    expect(mail.text).toContain('尊敬的张伟：');
    expect(mail.text).toContain('编号为 KS-2026-000123');
    expect(mail.text).toContain('查看处理进度: https://service.example.com/track/tok123');
    expect(mail.html).toContain('<a href="https://service.example.com/track/tok123">查看处理进度</a>');
    expect(mail.messageId).toBe(`<${event.id}@service.example.com>`);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('content-language')).toBe('zh-CN');
    expect(mail.headers.get('x-closeloop-event-id')).toBe(event.id);
  });

  it('should write in English when the customer chose English', async () => {
    await channel.deliver(
      deps,
      notificationEvent('complaint.sent_to_customer', {
        locale: 'en',
        customer: { name: 'Alice Smith', email: 'alice@example.org', phone: null },
        trackingUrl: '/portal/track/tok9',
      }),
    );
    const mail = await lastMail();
    expect(mail.envelopeTo).toEqual(['alice@example.org']);
    expect(mail.subject).toBe('[KS-2026-000123] A solution awaits your answer');
    expect(mail.text).toContain('Dear Alice Smith,');
    expect(mail.text).toContain('Review and answer: https://service.example.com/portal/track/tok9');
    expect(mail.text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(mail.headers.get('content-language')).toBe('en');
  });

  it('should mail the owner in Chinese with the due time in Beijing time when a deadline is breached', async () => {
    await channel.deliver(deps, notificationEvent('deadline.breached', { locale: 'en' }));
    const mail = await lastMail();
    expect(mail.envelopeTo).toEqual(['li.na@factory.example']);
    expect(mail.subject).toBe('【KS-2026-000123】已超时：首次响应');
    expect(mail.text).toContain('李娜，您好：');
    expect(mail.text).toContain('已于 2026-03-03 17:30（中国标准时间）到期');
    expect(mail.text).toContain('客户：张伟');
  });

  it('should mail the owner in English when the owner chose English', async () => {
    await channel.deliver(
      deps,
      notificationEvent('complaint.assigned', {
        owner: { userId: 'u-2', displayName: 'Bob', email: 'bob@factory.example', locale: 'en' },
      }),
    );
    const mail = await lastMail();
    expect(mail.subject).toBe('[KS-2026-000123] A complaint has been assigned to you');
    expect(mail.text).toContain('Hello Bob,');
  });

  it('should escape the HTML part when the customer name contains markup', async () => {
    const name = '<script>alert("x")</script><img src=x onerror=alert(1)> & Co';
    await channel.deliver(
      deps,
      notificationEvent('complaint.acknowledged', {
        customer: { name, email: 'evil@example.com', phone: null },
      }),
    );
    const mail = await lastMail();
    const html = String(mail.html);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; Co',
    );
    expect(mail.text).toContain(`尊敬的${name}：`);
  });

  it('should skip without error when the customer has no e-mail address', async () => {
    await channel.deliver(
      deps,
      notificationEvent('complaint.resolved', {
        customer: { name: '王芳', email: null, phone: '13900000000' },
      }),
    );
    await channel.deliver(deps, notificationEvent('complaint.escalated', { owner: null }));
    expect(smtp.received).toHaveLength(0);
  });

  it('should send the same Message-ID again when the same event is redelivered', async () => {
    const event = notificationEvent('complaint.closed');
    await channel.deliver(deps, event);
    await channel.deliver(deps, event);
    const ids = await Promise.all(smtp.received.map(async (m) => (await simpleParser(m.raw)).messageId));
    expect(ids).toEqual([`<${event.id}@service.example.com>`, `<${event.id}@service.example.com>`]);
  });

  it('should throw so the outbox retries when the SMTP server refuses the message', async () => {
    smtp.refuseNext(1);
    await expect(channel.deliver(deps, notificationEvent('complaint.reopened'))).rejects.toThrow(/451/);
    expect(smtp.received).toHaveLength(0);
  });

  it('should throw when the SMTP server rejects the credentials', async () => {
    const wrong = createEmailChannel({ smtpUrl: smtp.url.replace('s3cret-pass', 'wrong-pass'), from });
    await expect(wrong.deliver(deps, notificationEvent('complaint.registered'))).rejects.toThrow(/535|auth/i);
    expect(smtp.received).toHaveLength(0);
  });

  it('should throw a permanent error naming the fields, not their values, when the payload is malformed', async () => {
    const event = notificationEvent(
      'complaint.registered',
      {},
      {
        complaintId: 'c1',
        locale: 'fr',
        customer: { name: '赵六', email: 'not-an-address', phone: null },
      },
    );
    const error = await channel.deliver(deps, event).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect((error as Error).name).toBe('MalformedNotificationError');
    expect(message).toMatch(/^permanent failure: malformed notification payload/);
    expect(message).toContain('number');
    expect(message).toContain('customer.email');
    expect(message).toContain('locale');
    expect(message).not.toContain('not-an-address');
    expect(smtp.received).toHaveLength(0);
  });

  it('should refuse a payload whose eventType differs from the outbox event type', async () => {
    const event = { ...notificationEvent('complaint.registered'), type: 'complaint.closed' };
    await expect(channel.deliver(deps, event)).rejects.toThrow(
      /eventType complaint.registered does not match/,
    );
  });

  it('should refuse a deadline event without its deadline', async () => {
    await expect(
      channel.deliver(deps, notificationEvent('deadline.warned', { deadline: undefined })),
    ).rejects.toThrow(/deadline: required for deadline.warned/);
  });
});
