import { randomUUID } from 'node:crypto';
import type { OutboxEvent } from '../../app/outbox/deliver-outbox';
import type { NotificationEventType, NotificationPayload } from '../../contracts/notification-event.contract';

/** Test support only: a valid notification payload (a Chinese customer with e-mail and an owner) with overrides. */
export const notificationPayload = (
  eventType: NotificationEventType,
  overrides: Partial<NotificationPayload> = {},
): NotificationPayload => ({
  complaintId: '0195a1b2-0000-7000-8000-000000000123',
  number: 'KS-2026-000123',
  status: 'registered',
  eventType,
  occurredAt: '2026-03-02T01:00:00.000Z',
  locale: 'zh-CN',
  customer: { name: '张伟', email: 'zhang.wei@example.com', phone: '13800138000' },
  owner: { userId: 'u-1', displayName: '李娜', email: 'li.na@factory.example' },
  trackingUrl: 'https://service.example.com/track/tok123',
  productName: '智能电饭煲 X1',
  summary: '内胆涂层脱落',
  ...(eventType.startsWith('deadline.')
    ? { deadline: { kind: 'first_response', label: '首次响应', dueAt: '2026-03-03T09:30:00.000Z' } }
    : {}),
  ...overrides,
});

/** Test support only: an outbox event as the worker hands it to a handler. */
export const notificationEvent = (
  eventType: NotificationEventType,
  overrides: Partial<NotificationPayload> = {},
  payload: unknown = notificationPayload(eventType, overrides),
): OutboxEvent => ({
  id: randomUUID(),
  type: eventType,
  aggregateType: 'complaint',
  aggregateId: '0195a1b2-0000-7000-8000-000000000123',
  payload,
  occurredAt: new Date('2026-03-02T01:00:00.000Z'),
  attempts: 1,
});
