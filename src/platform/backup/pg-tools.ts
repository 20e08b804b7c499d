import { spawn } from 'node:child_process';
import path from 'node:path';
import { backupError } from './manifest.ts';

/**
 * pg_dump and pg_restore, PostgreSQL's own client tools (Debian: postgresql-client), of the server's
 * major version or newer. TRAMA_PG_BIN_DIR picks them from a folder (e.g. /usr/lib/postgresql/16/bin)
 * when the ones on the PATH are older than the server.
 */

/** The URL without its password, which goes in PGPASSWORD: a command line is visible to every user of the machine. */
function connection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

export async function runPgTool(tool: 'pg_dump' | 'pg_restore', databaseUrl: string, args: string[]): Promise<void> {
  const binDir = process.env.TRAMA_PG_BIN_DIR;
  const command = binDir ? path.join(binDir, tool) : tool;
  const { dbname, env } = connection(databaseUrl);
  const child = spawn(command, [...args, `--dbname=${dbname}`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw backupError({
      it: `${command} non trovato: installare il client di PostgreSQL (Debian: apt-get install postgresql-client) della stessa versione del server o più recente, oppure indicarne la cartella in TRAMA_PG_BIN_DIR.`,
      en: `${command} not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client) of the server's version or newer, or set TRAMA_PG_BIN_DIR to their folder.`,
    });
  });
  if (status !== 0) {
    const detail = stderr.trim().split('\n').slice(-5).join('\n');
    throw backupError({ it: `${tool} non è riuscito (uscita ${String(status)}):\n${detail}`, en: `${tool} failed (exit ${String(status)}):\n${detail}` });
  }
}
