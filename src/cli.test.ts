import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs `trama …` with its data folder in a fresh temporary directory; tells whether the folder was made. */
function trama(...args: string[]) {
  return tramaIn(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trama-cli-')), 'data'), ...args);
}

function tramaIn(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, TRAMA_DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  return { status: result.status, out: result.stdout + result.stderr, madeData: fs.existsSync(dataDir) };
}

// Each run starts Node with tsx: seconds on a busy machine.
describe('the command line reads its command before touching the database', { timeout: 180_000 }, () => {
  it('help prints the usage and exits 0 without opening or creating a database', () => {
    for (const help of ['--help', 'help']) {
      const run = trama(help);
      expect(run).toMatchObject({ status: 0, madeData: false });
      expect(run.out).toContain('create-user');
    }
  });

  it('an unknown command or bad options fail at once, and leave no data folder behind', () => {
    expect(trama('serv')).toMatchObject({ status: 1, madeData: false });
    const noPassword = trama('create-user', '--username', 'mrossi', '--name', 'Mario Rossi');
    expect(noPassword).toMatchObject({ status: 1, madeData: false });
  });

  it('migrate --status lists what is applied and what is pending, and changes nothing', () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trama-cli-')), 'data');
    const before = tramaIn(dataDir, 'migrate', '--status');
    expect(before.status).toBe(0);
    expect(before.out).toMatch(/0 applied, \d+ pending/);
    expect(tramaIn(dataDir, 'migrate', '--status').out).toBe(before.out);
    expect(tramaIn(dataDir, 'migrate').status).toBe(0);
    const after = tramaIn(dataDir, 'migrate', '--status');
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    expect(after.out).toMatch(/\d+ applied, 0 pending/);
    expect(after.out).toContain('applied  20261207T0100_create-clock.sql');
  });
});
