import type { OutboxHandler } from '../../app/outbox/deliver-outbox';
import type { Config } from '../../config/env';
import { createEmailChannel } from './email.channel';
import { createStaffAlertChannel } from './staff-alert.channel';
import { createWebhookChannel } from './webhook.channel';

/**
 * The notification handlers this configuration enables, for the worker's `outboxHandlers`: e-mail — complaint
 * notifications and the staff alerts of quality escalations (R-ESC-1) — when SMTP_URL is set, the signed webhook
 * when WEBHOOK_URL is set; none when neither is. Each handler is recorded per event by the outbox, so a failing
 * webhook is retried without sending the e-mail again.
 */
export const buildNotificationHandlers = (config: Config): OutboxHandler[] => {
  const smtp = config.notify.smtpUrl
    ? { smtpUrl: config.notify.smtpUrl, from: config.notify.mailFrom }
    : null;
  return [
    ...(smtp ? [createEmailChannel(smtp), createStaffAlertChannel(smtp)] : []),
    ...(config.notify.webhook ? [createWebhookChannel(config.notify.webhook)] : []),
  ];
};
