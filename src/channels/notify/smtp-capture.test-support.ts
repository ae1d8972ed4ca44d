import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as a real SMTP server received it. */
export type CapturedMail = { readonly from: string; readonly to: readonly string[]; readonly raw: Buffer };

export type SmtpCapture = {
  /** SMTP_URL for this server, with the credentials it accepts. */
  readonly url: string;
  readonly received: CapturedMail[];
  /** The next `n` messages are refused with `451 4.3.0` (a temporary failure), as a busy server would. */
  readonly refuseNext: (n: number) => void;
  readonly close: () => Promise<void>;
};

/**
 * Test support only: a real `smtp-server` on 127.0.0.1 and a random port that requires AUTH (user `notify`,
 * password `s3cret-pass`) over plain text (no STARTTLS, so no self-signed certificate gets in the way).
 */
export const startSmtpCapture = async (): Promise<SmtpCapture> => {
  const received: CapturedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'notify' && auth.password === 's3cret-pass')
        callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals -= 1;
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://notify:s3cret-pass@127.0.0.1:${port}`,
    received,
    refuseNext: (n) => {
      refusals = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
