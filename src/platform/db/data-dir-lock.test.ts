import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';

const held: DataDirLock[] = [];
const lock = (folder: string) => {
  const taken = lockDataDir(folder);
  held.push(taken);
  return taken;
};
afterEach(() => {
  for (const taken of held.splice(0)) taken.release();
});

const folder = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trama-lock-')), 'pglite');

/** The pid of a process that has already ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the lock of an embedded data folder', () => {
  it('refuses a second opener, naming the folder and the pid that holds it', () => {
    const dir = folder();
    lock(dir);
    expect(fs.readFileSync(`${dir}.lock`, 'utf8').trim()).toBe(String(process.pid));
    expect(() => lockDataDir(dir)).toThrow(`La cartella dei dati ${dir} è già in uso dal processo ${String(process.pid)}`);
    expect(() => lockDataDir(dir)).toThrow(`The data folder ${dir} is already in use by process ${String(process.pid)}`);
  });

  it('is free again once released, and the lock file is gone', () => {
    const dir = folder();
    lock(dir).release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
    expect(lock(dir).file).toBe(`${dir}.lock`);
  });

  it('takes over a lock left by a process that died', () => {
    const dir = folder();
    fs.writeFileSync(`${dir}.lock`, `${String(deadPid())}\n`);
    lock(dir);
    expect(fs.readFileSync(`${dir}.lock`, 'utf8').trim()).toBe(String(process.pid));
  });

  it('takes over a lock naming its own pid that it does not hold (a restarted container is pid 1 again)', () => {
    const dir = folder();
    fs.writeFileSync(`${dir}.lock`, `${String(process.pid)}\n`);
    lock(dir);
    expect(() => lockDataDir(dir)).toThrow(/già in uso/);
  });

  it('refuses a lock held by another live process', () => {
    const dir = folder();
    // pid 1 always exists; it never opens our folder.
    fs.writeFileSync(`${dir}.lock`, '1\n');
    expect(() => lockDataDir(dir)).toThrow(`by process 1`);
    expect(fs.readFileSync(`${dir}.lock`, 'utf8').trim()).toBe('1');
  });
});
