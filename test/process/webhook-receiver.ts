import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../src/channels/notify/verify-webhook-signature';

export const WEBHOOK_SECRET = 'whsec-process-tests-0123456789';

/** One request the receiver got: the event id, its type, when (ms since start) and whether the signature held. */
export type Receipt = {
  readonly eventId: string;
  readonly type: string;
  readonly at: number;
  readonly signed: boolean;
};

export type WebhookReceiver = {
  /** For WEBHOOK_URL. */
  readonly url: string;
  readonly receipts: Receipt[];
  readonly close: () => Promise<void>;
};

/**
 * A local webhook receiver for the child processes' outbox: answers 204 to every POST and records each request's
 * `X-Closeloop-Event-Id` (the id deliveries are counted by) after checking its signature.
 */
export const startWebhookReceiver = async (): Promise<WebhookReceiver> => {
  const receipts: Receipt[] = [];
  const started = performance.now();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const header = (name: string): string => {
        const v = req.headers[name];
        return typeof v === 'string' ? v : '';
      };
      let type = '';
      try {
        type = String((JSON.parse(body.toString('utf8')) as { type?: unknown }).type ?? '');
      } catch {
        // recorded with an empty type: the check reports it as unexpected
      }
      receipts.push({
        eventId: header('x-closeloop-event-id'),
        type,
        at: performance.now() - started,
        signed: verifyWebhookSignature(
          WEBHOOK_SECRET,
          header('x-closeloop-timestamp'),
          body,
          header('x-closeloop-signature'),
          new Date(),
        ),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/closeloop`,
    receipts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
