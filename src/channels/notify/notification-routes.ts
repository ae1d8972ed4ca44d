import type { NotificationEventType } from '../../contracts/notification-event.contract';

/** Who a notification mail is written for: the complaining customer, or the staff member who owns the work. */
export type NotificationAudience = 'customer' | 'owner';

export type NotificationRoute = {
  /** Who gets an e-mail (in their language), or null for none. */
  readonly email: NotificationAudience | null;
  /** Whether the event is POSTed to the signed webhook (SMS / IM gateways). */
  readonly webhook: boolean;
};

/**
 * Which events notify whom (R-FUP-1: milestones go to the customer; work goes to its owner). An event type not
 * listed here sends nothing. Every routed event has a zh-CN and an en template (notification-templates.ts).
 */
export const NOTIFICATION_ROUTES = {
  // customer milestones
  'complaint.registered': { email: 'customer', webhook: true },
  'complaint.acknowledged': { email: 'customer', webhook: true },
  'complaint.sent_to_customer': { email: 'customer', webhook: true },
  'complaint.customer_accepted': { email: 'customer', webhook: true },
  'complaint.resolved': { email: 'customer', webhook: true },
  'complaint.closed': { email: 'customer', webhook: true },
  'complaint.reopened': { email: 'customer', webhook: true },
  // work for the owner
  'complaint.assigned': { email: 'owner', webhook: true },
  'complaint.escalated': { email: 'owner', webhook: true },
  'complaint.approval_requested': { email: 'owner', webhook: true },
  'deadline.warned': { email: 'owner', webhook: true },
  'deadline.breached': { email: 'owner', webhook: true },
} as const satisfies Partial<Record<NotificationEventType, NotificationRoute>>;

/** An event type that has a route (and therefore templates). */
export type RoutedEventType = keyof typeof NOTIFICATION_ROUTES;

/** The route of an outbox event type, or undefined when it notifies nobody. */
export const findNotificationRoute = (
  type: string,
): { readonly type: RoutedEventType; readonly route: NotificationRoute } | undefined =>
  Object.hasOwn(NOTIFICATION_ROUTES, type)
    ? { type: type as RoutedEventType, route: NOTIFICATION_ROUTES[type as RoutedEventType] }
    : undefined;

/** The event types a channel subscribes to: those whose route uses it. */
export const routedTypes = (uses: (route: NotificationRoute) => boolean): RoutedEventType[] =>
  (Object.keys(NOTIFICATION_ROUTES) as RoutedEventType[]).filter((t) => uses(NOTIFICATION_ROUTES[t]));
