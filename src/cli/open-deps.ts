import { createDeps, type Deps } from '../app/deps';
import type { Config } from '../config/env';

/** Opens the database, or explains in both languages why not (e.g. the embedded database is in use) and exits 1. */
export const openDepsOrExit = async (config: Config): Promise<Deps> => {
  try {
    return await createDeps(config);
  } catch (e) {
    if (e instanceof Error && e.name === 'EmbeddedDbBusyError') {
      process.stderr.write(
        `${e.message}.\n内嵌数据库正被另一个进程使用（例如正在运行的服务）：请先停止它，或设置 DATABASE_URL 使用 PostgreSQL。\n` +
          'The embedded database is in use by another process (e.g. the running server): stop it first, or set DATABASE_URL to use PostgreSQL.\n',
      );
      process.exit(1);
    }
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
};
