import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * Every environment variable Closeloop reads, with its default. This is the only module that reads
 * `process.env` (STYLE.md). The README's configuration table and `.env.example` list the same variables.
 */
const ZEnv = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(3000, 0, 65535),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_MAX: int(10, 1, 200),
  PGLITE_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  TRUST_PROXY: z.string().default('false'),
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  SESSION_IDLE_MINUTES: int(120, 1, 7 * 24 * 60),
  SESSION_ABSOLUTE_HOURS: int(12, 1, 24 * 90),
  LOGIN_MAX_FAILED_ATTEMPTS: int(5, 1, 100),
  LOGIN_LOCKOUT_MINUTES: int(15, 1, 24 * 60),
  LOGIN_RATE_LIMIT_PER_MINUTE: int(20, 1, 10_000),
  BODY_LIMIT_BYTES: int(1_048_576, 1024, 100 * 1_048_576),
  IDEMPOTENCY_TTL_HOURS: int(24, 1, 24 * 30),
  JOBS_IN_PROCESS: bool(true),
  WORKER_POLL_MS: int(1000, 50, 60_000),
  WORKER_BATCH_SIZE: int(20, 1, 1000),
  OUTBOX_MAX_ATTEMPTS: int(10, 1, 100),
  ADMIN_USERNAME: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, '3–64 letters, digits, . _ -; starts with a letter or digit')
    .default('admin'),
  ADMIN_PASSWORD: z.string().min(10).max(128).optional(),
  SEED_PRESET: z.string().min(1).default('food'),
  DEMO_DATA: bool(true),
  DEFAULT_LOCALE: z.enum(['zh-CN', 'en']).default('zh-CN'),
  DEFAULT_TIME_ZONE: z.string().min(1).default('Asia/Shanghai'),
  METRICS_TOKEN: z.string().min(16).optional(),
  API_DOCS: bool(true),
  WEB_DIR: z.string().min(1).default('./dist/web'),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be smtp://[user:pass@]host[:port] or smtps://…' })
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(
      /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
      'an address, e.g. Closeloop <no-reply@example.com>',
    )
    .default('Closeloop <no-reply@localhost>'),
  WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  WEBHOOK_SECRET: z.string().min(16).max(512).optional(),
  // Evidence sizes are stored in an int4 column: at most 2 GiB − 1 per file.
  EVIDENCE_MAX_IMAGE_BYTES: int(20 * 1_048_576, 1024, 2_147_483_647),
  EVIDENCE_MAX_VIDEO_BYTES: int(200 * 1_048_576, 1024, 2_147_483_647),
  EVIDENCE_MAX_PDF_BYTES: int(20 * 1_048_576, 1024, 2_147_483_647),
  EVIDENCE_MAX_FILES_PER_REQUEST: int(10, 1, 100),
});

export type Config = {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly database:
    | { readonly driver: 'postgres'; readonly url: string; readonly poolMax: number }
    | { readonly driver: 'pglite'; readonly dir: string };
  readonly logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  readonly publicUrl: string | undefined;
  readonly trustProxy: boolean | number | string;
  readonly cookieSecure: 'auto' | 'always' | 'never';
  readonly session: { readonly idleMinutes: number; readonly absoluteHours: number };
  readonly login: {
    readonly maxFailedAttempts: number;
    readonly lockoutMinutes: number;
    readonly ratePerMinute: number;
  };
  readonly bodyLimitBytes: number;
  readonly idempotencyTtlHours: number;
  readonly jobs: {
    readonly inProcess: boolean;
    readonly pollMs: number;
    readonly batchSize: number;
    readonly outboxMaxAttempts: number;
  };
  readonly admin: { readonly username: string; readonly password: string | undefined };
  readonly seed: { readonly preset: string; readonly demo: boolean };
  readonly defaultLocale: 'zh-CN' | 'en';
  readonly defaultTimeZone: string;
  readonly metricsToken: string | undefined;
  readonly apiDocs: boolean;
  /** The built console and portal (`npm run build:web`); served at `/` and `/portal`. */
  readonly webDir: string;
  /** Outgoing notifications (R-FUP-1): e-mail when `smtpUrl` is set, a signed webhook when `webhook` is set. */
  readonly notify: {
    readonly smtpUrl: string | undefined;
    readonly mailFrom: string;
    readonly webhook: { readonly url: string; readonly secret: string } | undefined;
  };
  /** Evidence uploads (issue 3 §1): the largest file per kind and the most files per request. */
  readonly evidence: {
    readonly maxImageBytes: number;
    readonly maxVideoBytes: number;
    readonly maxPdfBytes: number;
    readonly maxFilesPerRequest: number;
  };
};

export type ConfigProblem = { readonly variable: string; readonly problem: string };

const parseTrustProxy = (raw: string): boolean | number | string => {
  if (raw === 'true') return true;
  if (raw === 'false' || raw === '') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
};

const isValidTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/**
 * Parses configuration from an environment map. Returns every problem at once, so an operator fixes a bad
 * deployment in one go instead of one restart per mistake.
 */
export const parseConfig = (
  env: Record<string, string | undefined>,
): { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] } => {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ variable: i.path.join('.'), problem: i.message })),
    };
  }
  const e = parsed.data;
  const problems: ConfigProblem[] = [];
  if (!isValidTimeZone(e.DEFAULT_TIME_ZONE)) {
    problems.push({ variable: 'DEFAULT_TIME_ZONE', problem: 'not an IANA time zone (e.g. Asia/Shanghai)' });
  }
  if (!e.JOBS_IN_PROCESS && !e.DATABASE_URL) {
    problems.push({
      variable: 'JOBS_IN_PROCESS',
      problem:
        'false needs DATABASE_URL: with the embedded database no separate worker can run, so nothing would run the jobs',
    });
  }
  if (e.SESSION_IDLE_MINUTES > e.SESSION_ABSOLUTE_HOURS * 60) {
    problems.push({ variable: 'SESSION_IDLE_MINUTES', problem: 'longer than SESSION_ABSOLUTE_HOURS' });
  }
  if (e.WEBHOOK_URL && !e.WEBHOOK_SECRET) {
    problems.push({
      variable: 'WEBHOOK_SECRET',
      problem:
        'required when WEBHOOK_URL is set (at least 16 characters): receivers verify the signature with it',
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    ok: true,
    config: {
      host: e.HOST,
      port: e.PORT,
      dataDir,
      database: e.DATABASE_URL
        ? { driver: 'postgres', url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX }
        : {
            driver: 'pglite',
            dir:
              e.PGLITE_DIR === 'memory://'
                ? 'memory://'
                : path.resolve(e.PGLITE_DIR ?? path.join(dataDir, 'pglite')),
          },
      logLevel: e.LOG_LEVEL,
      publicUrl: e.PUBLIC_URL,
      trustProxy: parseTrustProxy(e.TRUST_PROXY),
      cookieSecure: e.COOKIE_SECURE,
      session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
      login: {
        maxFailedAttempts: e.LOGIN_MAX_FAILED_ATTEMPTS,
        lockoutMinutes: e.LOGIN_LOCKOUT_MINUTES,
        ratePerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
      },
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
      idempotencyTtlHours: e.IDEMPOTENCY_TTL_HOURS,
      jobs: {
        inProcess: e.JOBS_IN_PROCESS,
        pollMs: e.WORKER_POLL_MS,
        batchSize: e.WORKER_BATCH_SIZE,
        outboxMaxAttempts: e.OUTBOX_MAX_ATTEMPTS,
      },
      admin: { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD },
      seed: { preset: e.SEED_PRESET, demo: e.DEMO_DATA },
      defaultLocale: e.DEFAULT_LOCALE,
      defaultTimeZone: e.DEFAULT_TIME_ZONE,
      metricsToken: e.METRICS_TOKEN,
      apiDocs: e.API_DOCS,
      webDir: path.resolve(e.WEB_DIR),
      notify: {
        smtpUrl: e.SMTP_URL,
        mailFrom: e.MAIL_FROM,
        webhook:
          e.WEBHOOK_URL && e.WEBHOOK_SECRET ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET } : undefined,
      },
      evidence: {
        maxImageBytes: e.EVIDENCE_MAX_IMAGE_BYTES,
        maxVideoBytes: e.EVIDENCE_MAX_VIDEO_BYTES,
        maxPdfBytes: e.EVIDENCE_MAX_PDF_BYTES,
        maxFilesPerRequest: e.EVIDENCE_MAX_FILES_PER_REQUEST,
      },
    },
  };
};

/** Loads `.env` from the working directory when present (real environment variables win), then parses. */
export const loadConfigFromProcess = (): ReturnType<typeof parseConfig> => {
  const file = path.resolve('.env');
  if (existsSync(file)) {
    const before = { ...process.env };
    process.loadEnvFile(file);
    Object.assign(process.env, before);
  }
  return parseConfig(process.env);
};

/** A URL without its credentials and query (webhook robots such as DingTalk's carry their token in the query). */
const redactUrl = (url: string): string => {
  const u = new URL(url);
  if (u.username || u.password) {
    u.username = '***';
    u.password = '';
  }
  if (u.search) u.search = '?***';
  return u.toString();
};

/** A copy of the configuration safe to log: passwords, tokens and database credentials removed. */
export const redactConfig = (config: Config): Record<string, unknown> => ({
  ...config,
  database:
    config.database.driver === 'postgres'
      ? { ...config.database, url: config.database.url.replace(/\/\/[^@/]*@/, '//***@') }
      : config.database,
  admin: { username: config.admin.username, password: config.admin.password ? '***' : undefined },
  metricsToken: config.metricsToken ? '***' : undefined,
  notify: {
    smtpUrl: config.notify.smtpUrl ? redactUrl(config.notify.smtpUrl) : undefined,
    mailFrom: config.notify.mailFrom,
    webhook: config.notify.webhook ? { url: redactUrl(config.notify.webhook.url), secret: '***' } : undefined,
  },
});
