import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a real HTTP server received it: headers and the raw body bytes, before any parsing. */
export type CapturedRequest = {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
};

/** How the receiver answers the next requests: a status code, or `hang` (never answers). */
export type ReceiverBehaviour = number | 'hang' | 'redirect';

export type WebhookCapture = {
  readonly url: string;
  readonly received: CapturedRequest[];
  /** Answers the next requests this way, in order; afterwards 204. */
  readonly answerNext: (...behaviours: ReceiverBehaviour[]) => void;
  readonly close: () => Promise<void>;
};

/** Test support only: a real `node:http` server on 127.0.0.1 and a random port that records every request. */
export const startWebhookCapture = async (): Promise<WebhookCapture> => {
  const received: CapturedRequest[] = [];
  let script: ReceiverBehaviour[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      const behaviour = script.shift() ?? 204;
      if (behaviour === 'hang') return;
      if (behaviour === 'redirect') {
        res.writeHead(307, { Location: 'http://127.0.0.1:9/elsewhere' }).end();
        return;
      }
      res
        .writeHead(behaviour, { 'Content-Type': 'text/plain' })
        .end(behaviour >= 400 ? 'gateway down\n' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/closeloop`,
    received,
    answerNext: (...behaviours) => {
      script = behaviours;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
