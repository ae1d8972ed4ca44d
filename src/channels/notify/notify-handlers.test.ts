import { describe, expect, it } from 'vitest';
import { parseConfig, redactConfig } from '../../config/env';
import { testConfig } from '../../../test/test-deps';
import { buildNotificationHandlers } from './notify-handlers';
import { NOTIFICATION_ROUTES } from './notification-routes';

const problemsOf = (env: Record<string, string>) => {
  const r = parseConfig(env);
  return r.ok ? [] : r.problems.map((p) => p.variable);
};

describe('notification configuration and handlers', () => {
  it('should build no handler when neither SMTP_URL nor WEBHOOK_URL is set', () => {
    expect(buildNotificationHandlers(testConfig())).toEqual([]);
    expect(testConfig().notify).toEqual({
      smtpUrl: undefined,
      mailFrom: 'Closeloop <no-reply@localhost>',
      webhook: undefined,
    });
  });

  it('should build the e-mail, staff alert and webhook handlers when both SMTP and the webhook are configured', () => {
    const handlers = buildNotificationHandlers(
      testConfig({
        SMTP_URL: 'smtp://u:p@127.0.0.1:2525',
        WEBHOOK_URL: 'https://gw.example.com/hook',
        WEBHOOK_SECRET: 'x'.repeat(32),
      }),
    );
    expect(handlers.map((h) => h.name)).toEqual(['notify.email', 'notify.staff-alert', 'notify.webhook']);
    const [email, , webhook] = handlers;
    expect(email?.types).toEqual(Object.keys(NOTIFICATION_ROUTES));
    expect(webhook?.types).toEqual(Object.keys(NOTIFICATION_ROUTES));
    expect(email?.types).not.toContain('complaint.triaged');
  });

  it('should build only the webhook handler when only WEBHOOK_URL is set', () => {
    const config = testConfig({ WEBHOOK_URL: 'http://127.0.0.1:9000/in', WEBHOOK_SECRET: 'y'.repeat(16) });
    expect(buildNotificationHandlers(config).map((h) => h.name)).toEqual(['notify.webhook']);
  });

  it('should refuse a webhook without a secret of at least 16 characters and a non-SMTP mail URL', () => {
    expect(problemsOf({ WEBHOOK_URL: 'https://gw.example.com/hook' })).toEqual(['WEBHOOK_SECRET']);
    expect(problemsOf({ WEBHOOK_URL: 'https://gw.example.com/hook', WEBHOOK_SECRET: 'short' })).toEqual([
      'WEBHOOK_SECRET',
    ]);
    expect(
      problemsOf({ WEBHOOK_URL: 'ftp://gw.example.com', SMTP_URL: 'http://mail', MAIL_FROM: 'nobody' }),
    ).toEqual(expect.arrayContaining(['WEBHOOK_URL', 'SMTP_URL', 'MAIL_FROM']));
    expect(
      problemsOf({ SMTP_URL: 'smtps://a%40b.cn:p@smtp.qq.com:465', MAIL_FROM: 'no-reply@example.cn' }),
    ).toEqual([]);
  });

  it('should never expose the SMTP password, the webhook secret or a token in the webhook URL when logged', () => {
    const config = testConfig({
      SMTP_URL: 'smtp://notify:Smtp-Pa55word@mail.example.com:587',
      WEBHOOK_URL: 'https://oapi.dingtalk.com/robot/send?access_token=tok-abc123def456',
      WEBHOOK_SECRET: 'Hook-Secret-0123456789',
    });
    const text = JSON.stringify(redactConfig(config));
    expect(text).not.toMatch(/Smtp-Pa55word|Hook-Secret|tok-abc123def456/);
    expect(text).toContain('mail.example.com:587');
    expect(text).toContain('oapi.dingtalk.com/robot/send');
  });
});
