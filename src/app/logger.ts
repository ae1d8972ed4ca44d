import pino, { type Logger } from 'pino';

export type { Logger };

/** Fields that must never reach a log line: credentials, session and CSRF tokens, personal data in bodies. */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.passwordHash',
  '*.token',
  '*.secret',
];

export const createLogger = (level: string, destination?: pino.DestinationStream): Logger =>
  pino(
    { level, redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' }, base: { service: 'closeloop' } },
    destination,
  );
