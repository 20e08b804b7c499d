import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

/** `trama <args>` run to its end, as an operator types it: exit status and everything it printed. */
export function runTrama(env: Record<string, string>, ...args: string[]): { status: number | null; out: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: result.status, out: result.stdout + result.stderr };
}

export interface ServeProcess {
  child: ChildProcess;
  /** Resolves with the server's address once it logs "Trama is ready"; rejects if it exits first. */
  ready: Promise<string>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  output(): string;
}

/**
 * `trama serve` in a child process, on a port it picks (PORT=0): from the sources under tsx unless
 * `entry` names another program (the compiled bundle), with `args` after `serve`.
 */
export function spawnServe(env: Record<string, string>, options: { entry?: string[]; args?: string[]; cwd?: string } = {}): ServeProcess {
  const { entry = ['--import', 'tsx', 'src/cli.ts'], args = [], cwd } = options;
  const child = spawn(process.execPath, [...entry, 'serve', ...args], {
    ...(cwd ? { cwd } : {}),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => { resolve(code); }));
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /"url":"(http:\/\/[^"]+)"[^\n]*Trama is ready/.exec(out)?.[1];
      if (url) resolve(url);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => { reject(new Error(`trama serve exited with ${String(code)} before it was ready:\n${out}`)); });
  });
  // Not every test waits for readiness (a refused start): no unhandled rejection then.
  ready.catch(() => undefined);
  return { child, ready, exited, output: () => out };
}
