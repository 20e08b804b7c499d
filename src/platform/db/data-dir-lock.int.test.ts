import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTrama, spawnServe, type ServeProcess } from '../../../test/support/cli-process.ts';
import { testEngine } from '../../../test/support/engine.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-lock-int-'));
const embedded = (dataDir: string) => ({ TRAMA_DATA_DIR: dataDir, DATABASE_URL: '' });

// The embedded engine only (whatever the run's engine): run once, in the PGlite run. Each process starts Node with tsx.
describe.runIf(testEngine === 'pglite')('one embedded data folder, one process', { timeout: 180_000 }, () => {
  let server: ServeProcess | undefined;
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('a command against the folder of a running server is refused, naming the folder and the pid; after the server stops it works', async () => {
    const dataDir = path.join(root, 'data');
    server = spawnServe(embedded(dataDir));
    await server.ready;
    const pid = fs.readFileSync(path.join(dataDir, 'pglite.lock'), 'utf8').trim();

    const refused = runTrama(embedded(dataDir), 'create-user', '--username', 'mrossi', '--name', 'Mario Rossi', '--password', 'Una-password-lunga-1');
    expect(refused.status).toBe(1);
    expect(refused.out).toContain(`La cartella dei dati ${path.join(dataDir, 'pglite')} è già in uso dal processo ${pid}`);
    expect(refused.out).toContain(`already in use by process ${pid}`);
    expect(refused.out).not.toContain('user created');

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);

    const created = runTrama(embedded(dataDir), 'create-user', '--username', 'mrossi', '--name', 'Mario Rossi', '--password', 'Una-password-lunga-1');
    expect(created.status).toBe(0);
    expect(created.out).toContain('user created');
  });

  it('a data folder that cannot be created stops the start with its path and the reason, and a non-zero exit', () => {
    // A file where the folder should be: refused even to root, unlike a folder without permissions.
    const file = path.join(root, 'not-a-folder');
    fs.writeFileSync(file, '');
    const run = runTrama(embedded(path.join(file, 'data')), 'migrate');
    expect(run.status).toBe(1);
    expect(run.out).toContain(`Impossibile usare la cartella dei dati ${path.join(file, 'data', 'pglite')}`);
    expect(run.out).toContain('part of the path is not a folder (ENOTDIR)');
    expect(run.out).not.toContain('ErrnoError');
  });

  it.runIf(process.getuid?.() !== 0)('a read-only data folder stops the start with its path and "permission denied"', () => {
    const dataDir = path.join(root, 'read-only');
    fs.mkdirSync(dataDir);
    fs.chmodSync(dataDir, 0o500);
    const run = runTrama(embedded(dataDir), 'migrate');
    fs.chmodSync(dataDir, 0o700);
    expect(run.status).toBe(1);
    expect(run.out).toContain(`Cannot use the data folder ${path.join(dataDir, 'pglite')}: permission denied (EACCES)`);
  });
});
