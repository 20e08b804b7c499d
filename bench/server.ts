import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

function childrenOf(pid: number): number[] {
  const taskDir = `/proc/${pid}/task`;
  try {
    return fs
      .readdirSync(taskDir)
      .flatMap((tid) => fs.readFileSync(path.join(taskDir, tid, 'children'), 'utf8').trim().split(/\s+/))
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

const commOf = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
};

/** tsx runs the program in a child node process: the deepest `node` below the spawned one serves. */
export function servingPid(rootPid: number): number {
  let current = rootPid;
  for (;;) {
    const next = childrenOf(current).find((pid) => commOf(pid) === 'node');
    if (next === undefined) return current;
    current = next;
  }
}

export interface Memory {
  rssMb: number;
  hwmMb: number;
}

export function readMemory(pid: number): Memory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/** Samples the RSS of a process a few times a second; `take()` returns and resets the window's maximum. */
export class RssSampler {
  private max = 0;
  private readonly timer: NodeJS.Timeout;
  constructor(private readonly pid: number, intervalMs = 100) {
    this.timer = setInterval(() => {
      this.max = Math.max(this.max, readMemory(this.pid).rssMb);
    }, intervalMs);
    this.timer.unref();
  }
  reset(): void {
    this.max = readMemory(this.pid).rssMb;
  }
  take(): number {
    const value = Math.max(this.max, readMemory(this.pid).rssMb);
    this.max = 0;
    return value;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

export interface RunningServer {
  baseUrl: string;
  /** The process spawned: the server itself, or tsx's launcher. */
  launcherPid: number;
  /** The node process that serves (the spawned one, or tsx's child). */
  pid: number;
  stop(): Promise<void>;
}

/** How the server is run: the compiled bundle as `npm start` runs it, or the sources under tsx (the former `npm start`). */
export type Runtime = 'compiled' | 'tsx';

/** Builds the server bundle if its sources changed (`npm run build:server`): the bench measures what production runs. */
export function buildServer(): void {
  const built = spawnSync(process.execPath, ['scripts/build.mjs', 'server'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) throw new Error('npm run build:server failed');
}

// A 4 MB young generation, as `npm start` runs it: the resident set stays ~80 MB smaller under load.
const COMMANDS: Record<Runtime, [string, string[]]> = {
  compiled: [process.execPath, ['--max-semi-space-size=4', 'dist/server/cli.mjs', 'serve']],
  tsx: [path.resolve('node_modules/.bin/tsx'), ['--max-semi-space-size=4', 'src/cli.ts', 'serve']],
};

/**
 * `trama serve` on a free port with DATABASE_URL set (or `env` choosing PGlite); resolves once
 * /api/health/ready answers 200, with how long that took from the spawn.
 */
export async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}, runtime: Runtime = 'compiled'): Promise<RunningServer & { startMs: number }> {
  const port = await freePort();
  const [command, args] = COMMANDS[runtime];
  const started = performance.now();
  const child: ChildProcess = spawn(command, args, {
    // The bench owns its database: a reused one from an older release is migrated on start, as before.
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', TRAMA_MIGRATE_ON_START: 'true', ...extraEnv },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = started + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health/ready`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error('the server did not become ready in 120 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const startMs = performance.now() - started;
  const launcherPid = child.pid!;
  return {
    baseUrl,
    launcherPid,
    pid: servingPid(launcherPid),
    startMs,
    stop: async () => {
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

/** Logs in and returns the Cookie header value for the session. */
export async function loginCookie(baseUrl: string, username: string, password: string): Promise<string> {
  return (await loginSession(baseUrl, username, password)).cookie;
}

/** The session cookie and the CSRF token that state-changing requests must send. */
export async function loginSession(baseUrl: string, username: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${username} failed: ${response.status} ${await response.text()}`);
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith('trama_session='));
  if (!session) throw new Error('no trama_session cookie in the login answer');
  const body = (await response.json()) as { csrfToken?: string };
  if (!body.csrfToken) throw new Error('no csrfToken in the login answer');
  return { cookie: session.split(';')[0]!, csrfToken: body.csrfToken };
}
