import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/closeloop.mjs', import.meta.url));

export type ServerProcess = {
  readonly pid: number;
  readonly url: string;
  /** Resident set size now (VmRSS) and its peak so far (VmHWM), in MiB. */
  readonly rss: () => { rssMiB: number; hwmMiB: number };
  /** CPU time the server process has used so far (user + system), seconds. */
  readonly cpuSeconds: () => number;
  readonly stop: () => Promise<void>;
  /** The server's output so far (its start-up lines, and any errors). */
  readonly output: () => string;
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const readKiB = (pid: number, field: string): number => {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : Number.NaN;
};

/**
 * Starts `closeloop serve` as a child process, the way an operator does (node bin/closeloop.mjs serve), and waits
 * until /readyz answers. `env` adds to the current environment (DATABASE_URL or PGLITE_DIR, JOBS_IN_PROCESS …).
 */
export const startServer = async (
  env: Record<string, string>,
  timeoutMs = 180_000,
): Promise<ServerProcess> => {
  const port = await freePort();
  // The database comes from `env` only, never from the environment the benchmark was started in.
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.PGLITE_DIR;
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...inherited,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      API_DOCS: 'false',
      WEB_DIR: '.tmp/web-not-built',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    if (output.length < 200_000) output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    if (output.length < 200_000) output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    if (Date.now() - t0 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${timeoutMs} ms:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const pid = child.pid ?? -1;
  return {
    pid,
    url,
    rss: () => ({
      rssMiB: Math.round((readKiB(pid, 'VmRSS') / 1024) * 10) / 10,
      hwmMiB: Math.round((readKiB(pid, 'VmHWM') / 1024) * 10) / 10,
    }),
    cpuSeconds: () => processCpuSeconds(pid),
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
};

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of one process (/proc/<pid>/stat, fields 14 and 15). */
export const processCpuSeconds = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
};

/** CPU seconds used so far by each PostgreSQL backend connected to `database` (this machine's server), by pid. */
export const postgresBackendCpu = (database: string): Map<number, number> => {
  const out = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.startsWith('postgres: ') && cmd.split(' ').includes(database))
        out.set(Number(entry), processCpuSeconds(Number(entry)));
    } catch {
      // gone
    }
  }
  return out;
};

/**
 * CPU seconds the backends used between two readings: backends started in between count from zero; backends that
 * ended in between are lost (pools keep their connections while busy, so a measured load keeps its backends).
 */
export const backendCpuBetween = (before: Map<number, number>, after: Map<number, number>): number => {
  let total = 0;
  for (const [pid, s] of after) total += Math.max(0, s - (before.get(pid) ?? 0));
  return total;
};

/** Samples `read()` every `everyMs` until stopped; returns the samples. */
export const sampleEvery = <T>(everyMs: number, read: () => T): { stop: () => T[] } => {
  const samples: T[] = [read()];
  const timer = setInterval(() => {
    try {
      samples.push(read());
    } catch {
      // the process may have exited
    }
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
};

/** The floor for a server's memory: the resident size of a bare Node process (no modules loaded), MiB. */
export const bareNodeRssMiB = async (): Promise<number> => {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 1500));
  const rss = child.pid ? readKiB(child.pid, 'VmRSS') : Number.NaN;
  child.kill('SIGKILL');
  return Math.round((rss / 1024) * 10) / 10;
};
