import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/closeloop.mjs');

/** A `closeloop` child process (serve, worker or a CLI command) with its output in a log file. */
export type CloseloopProcess = {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Settles when the process has exited (code or signal). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** `kill -9`: no shutdown hook runs, open transactions die with their connections. */
  readonly kill9: () => Promise<void>;
  /** SIGTERM and wait: the clean shutdown path (finish the current job, close the database). */
  readonly stop: (timeoutMs?: number) => Promise<void>;
};

/** A free TCP port on 127.0.0.1 (closed again at once; the child binds it a moment later). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

/** The environment a child gets: only what it needs, never the parent's DATABASE_URL by accident. */
export const childEnv = (env: Record<string, string>): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/tmp',
  TZ: 'UTC',
  LOG_LEVEL: 'warn',
  API_DOCS: 'false',
  ...env,
});

/** Starts `node bin/closeloop.mjs <args>` with stdout and stderr appended to `logFile`. */
export const spawnCloseloop = (
  name: string,
  args: readonly string[],
  env: Record<string, string>,
  logFile: string,
): CloseloopProcess => {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], {
    env: childEnv(env),
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name}: could not start node`);
  return {
    name,
    pid,
    logFile,
    exited,
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async (timeoutMs = 30_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
};

/** The last lines of a child's log, for a failure message. */
export const tailLog = (file: string, lines = 30): string => {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
};

/** A running `closeloop serve` and its base URL. */
export type ServerProcess = CloseloopProcess & { readonly url: string };

/**
 * Starts `closeloop serve` on a free port and waits until `/readyz` answers 200 (migrations applied, database
 * reachable). Fails early, with the log's tail, when the process exits before it is ready.
 */
export const startServerProcess = async (
  name: string,
  env: Record<string, string>,
  logFile: string,
  timeoutMs = 120_000,
): Promise<ServerProcess> => {
  const port = await freePort();
  const proc = spawnCloseloop(name, ['serve'], { ...env, HOST: '127.0.0.1', PORT: String(port) }, logFile);
  const url = `http://127.0.0.1:${port}`;
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void proc.exited.then((e) => {
    exit = e;
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exit) {
      throw new Error(
        `${name} exited before it was ready (code ${exit.code}, signal ${exit.signal}):\n${tailLog(logFile)}`,
      );
    }
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return { ...proc, url };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await proc.kill9();
      throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${tailLog(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
};

/** Runs a CLI command to completion: its exit code and output. */
export const runCloseloopCli = async (
  args: readonly string[],
  env: Record<string, string>,
  logFile: string,
): Promise<{ code: number | null; output: string }> => {
  const proc = spawnCloseloop(`cli ${args.join(' ')}`, args, env, logFile);
  const { code } = await proc.exited;
  return { code, output: tailLog(logFile, 20) };
};
