import type { NotificationHandler } from './notification-handler';
import { findNotificationRoute, routedTypes } from './notification-routes';
import { parseNotificationEvent } from './parse-notification-event';
import { renderNotification } from './render-notification';
import { resolveTrackingUrl } from './resolve-tracking-url';
import { signWebhook } from './sign-webhook';

export type WebhookChannelOptions = {
  /** WEBHOOK_URL. */
  readonly url: string;
  /** WEBHOOK_SECRET, shared with the receiver. */
  readonly secret: string;
  /** Whole-request timeout; well under the outbox lease (60 s) so a hung receiver cannot outlive the claim. */
  readonly timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 10_000;

const describeFetchError = (e: unknown, timeoutMs: number): string => {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause =
    e instanceof Error ? (e.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const detail =
    typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  return [e instanceof Error ? e.message : String(e), detail].filter(Boolean).join(': ');
};

// Reads at most the first KiB of an answer (for the error message) and discards the rest, freeing the connection.
const readExcerpt = async (response: Response): Promise<string> => {
  if (!response.body) return '';
  const reader = response.body.getReader();
  try {
    const first = await reader.read();
    return first.value
      ? new TextDecoder().decode(first.value.slice(0, 1024)).replace(/\s+/g, ' ').trim().slice(0, 200)
      : '';
  } catch {
    return '';
  } finally {
    await reader.cancel().catch(() => undefined);
  }
};

/**
 * The generic webhook channel for SMS and IM gateways (DingTalk / WeCom / Feishu bridges): one signed POST per
 * routed event with the JSON body `{ id, type, occurredAt, data, message }` — `data` is the notification payload
 * (tracking link made absolute), `message` the mail's subject and text in the addressee's language, ready for an
 * SMS or a robot. Headers: `X-Closeloop-Event-Id` (the receiver's dedupe key: delivery is at-least-once),
 * `X-Closeloop-Timestamp` (unix seconds) and `X-Closeloop-Signature` (see `signWebhook`; receivers check it with
 * `verifyWebhookSignature`). A non-2xx answer, a redirect, a network error or no answer within the timeout
 * throws, so the outbox retries with backoff and dead-letters the event after its last attempt.
 */
export const createWebhookChannel = (options: WebhookChannelOptions): NotificationHandler => {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    name: 'notify.webhook',
    types: routedTypes((r) => r.webhook),
    deliver: async (deps, event) => {
      const payload = parseNotificationEvent(event);
      const found = findNotificationRoute(event.type);
      if (!found?.route.webhook) return;
      const renderOptions = { timeZone: deps.config.defaultTimeZone, publicUrl: deps.config.publicUrl };
      const rendered = found.route.email
        ? renderNotification(found.type, found.route.email, payload, renderOptions)
        : null;
      const body = JSON.stringify({
        id: event.id,
        type: event.type,
        occurredAt: event.occurredAt.toISOString(),
        data: { ...payload, trackingUrl: resolveTrackingUrl(payload.trackingUrl, deps.config.publicUrl) },
        message: rendered && {
          audience: rendered.audience,
          locale: rendered.locale,
          subject: rendered.subject,
          text: rendered.text,
        },
      });
      const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'User-Agent': 'Closeloop-Webhook/1',
            'X-Closeloop-Event-Id': event.id,
            'X-Closeloop-Timestamp': String(timestamp),
            'X-Closeloop-Signature': signWebhook(options.secret, timestamp, body),
          },
          body,
          // A redirect would carry the signed personal data to another address: refuse it.
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        throw new Error(`webhook delivery failed: ${describeFetchError(e, timeoutMs)}`, { cause: e });
      }
      const excerpt = await readExcerpt(response);
      if (!response.ok) {
        throw new Error(`webhook answered HTTP ${response.status}${excerpt ? `: ${excerpt}` : ''}`);
      }
    },
  };
};
