import { closeDeps } from '../app/deps';
import { isAppError } from '../app/errors/app-error';
import { ERROR_MESSAGES } from '../api/errors/error-messages';
import { bootstrap } from '../app/seed/bootstrap';
import { buildApp } from '../api/build-app';
import type { Config } from '../config/env';
import { openDepsOrExit } from './open-deps';
import { startWorker, type Worker } from '../jobs/worker';
import { buildNotificationHandlers } from '../channels/notify/notify-handlers';

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

/** Stops cleanly on SIGINT/SIGTERM: stop taking requests, finish the current job, close the database. */
const onShutdown = (stop: () => Promise<void>): void => {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1);
      stopping = true;
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
};

/** `closeloop serve`: migrate, bootstrap an empty database, listen, and run jobs in-process unless disabled. */
export const runServer = async (config: Config): Promise<void> => {
  const deps = await openDepsOrExit(config);
  let report: Awaited<ReturnType<typeof bootstrap>>;
  try {
    report = await bootstrap(deps);
  } catch (e) {
    await closeDeps(deps);
    if (!isAppError(e)) throw e;
    process.stderr.write(
      `${e.code}: ${ERROR_MESSAGES[e.code]['zh-CN']} ${ERROR_MESSAGES[e.code].en}\n${JSON.stringify(e.details ?? {})}\n`,
    );
    process.exit(1);
  }
  const { app, metrics } = await buildApp(deps);
  const worker: Worker | undefined = config.jobs.inProcess
    ? startWorker(deps, { metrics, outboxHandlers: buildNotificationHandlers(config) })
    : undefined;
  onShutdown(async () => {
    await app.close();
    await worker?.stop();
    await closeDeps(deps);
  });
  const address = await app.listen({ host: config.host, port: config.port });
  const shown = address.replace('127.0.0.1', 'localhost').replace('0.0.0.0', 'localhost');
  out('');
  out(`Closeloop 已启动 / is running: ${shown}`);
  out(
    `  数据库 Database: ${config.database.driver === 'pglite' ? `embedded PGlite (${config.database.dir})` : 'PostgreSQL'}`,
  );
  if (config.apiDocs) out(`  接口文档 API docs: ${shown}/api/docs`);
  if (report.admin) {
    out(
      `  首次登录 First login: ${report.admin.username} / ${report.admin.password ?? '(ADMIN_PASSWORD)'}` +
        (report.admin.password
          ? '   —— 仅显示这一次，登录后须修改 / shown once, change it at first login'
          : ''),
    );
  }
  if (report.calendar.seeded) {
    const years = report.calendar.loadedYears;
    out(
      `  工作日历 Calendar: ${years.length > 0 ? `${years[0]}–${years.at(-1)} official holidays and make-up days loaded` : 'no official data'}` +
        (report.calendar.provisionalYears.length > 0
          ? `; provisional (no official data yet): ${report.calendar.provisionalYears.join(', ')}`
          : ''),
    );
  }
  for (const line of report.seed?.lines ?? []) out(`  ${line}`);
  if (report.seedError) {
    out(
      `  预置数据加载失败 Loading preset ${config.seed.preset} failed: ${report.seedError instanceof Error ? report.seedError.message : String(report.seedError)}`,
    );
    out(
      `  Retry with: npm run cli -- seed --preset ${config.seed.preset}${config.seed.demo ? ' --demo' : ''}`,
    );
  }
  out('');
};

/** `closeloop worker`: jobs and outbox delivery only. Needs PostgreSQL (PGlite is one process). */
export const runWorker = async (config: Config): Promise<void> => {
  if (config.database.driver === 'pglite') {
    process.stderr.write(
      'closeloop worker 需要 PostgreSQL（DATABASE_URL）；内嵌数据库时服务进程自带任务执行。\n' +
        'closeloop worker needs PostgreSQL (DATABASE_URL); with the embedded database, `serve` runs the jobs itself.\n',
    );
    process.exit(1);
  }
  const deps = await openDepsOrExit(config);
  await deps.db.migrate();
  const worker = startWorker(deps, { outboxHandlers: buildNotificationHandlers(config) });
  onShutdown(async () => {
    await worker.stop();
    await closeDeps(deps);
  });
  deps.log.info({ workerId: worker.id }, 'worker started');
};
