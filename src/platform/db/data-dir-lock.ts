import fs from 'node:fs';
import { StartupError } from './storage-errors.ts';

/**
 * PGlite has no postmaster: two processes opening one data folder both start, and each overwrites the
 * other's pages (data silently lost; `trama create-user` beside a running server "creates" a user who
 * vanishes). An exclusive lock file beside the folder, holding the owner's pid, keeps the second out.
 */
export interface DataDirLock {
  readonly file: string;
  release(): void;
}

/** Lock files this process holds: a lock naming our own pid but not in here was left by an earlier process that had the same pid (a container's pid 1). */
const heldHere = new Set<string>();

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
};

const pidIn = (file: string): number | undefined => {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

const holder = (file: string): number | undefined => {
  const pid = pidIn(file);
  if (pid === undefined) return undefined;
  if (pid === process.pid) return heldHere.has(file) ? pid : undefined;
  return isAlive(pid) ? pid : undefined;
};

function inUse(folder: string, file: string, pid: number): StartupError {
  return new StartupError({
    it: `La cartella dei dati ${folder} è già in uso dal processo ${String(pid)} (un server Trama o un comando trama). Arrestarlo prima, oppure usare "DATABASE_URL" con un server PostgreSQL per più processi. Se il processo ${String(pid)} non è Trama, eliminare ${file}.`,
    en: `The data folder ${folder} is already in use by process ${String(pid)} (a Trama server or trama command). Stop it first, or use a PostgreSQL server ("DATABASE_URL") for several processes. If process ${String(pid)} is not Trama, delete ${file}.`,
  });
}

/**
 * Takes the lock of `folder` (the file `<folder>.lock`), created atomically (O_EXCL). A lock whose process
 * is gone is taken over; a live one refuses with a message naming the folder and the pid. Released on
 * `release()` and when the process exits. Storage errors (read-only, full disk) are thrown as they are.
 */
export function lockDataDir(folder: string): DataDirLock {
  const file = `${folder}.lock`;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      fs.writeFileSync(file, `${String(process.pid)}\n`, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = holder(file);
      if (pid !== undefined) throw inUse(folder, file, pid);
      takeOverStale(file);
      continue;
    }
    return held(file);
  }
  throw inUse(folder, file, pidIn(file) ?? 0);
}

/**
 * Moves a stale lock aside atomically before removing it: of two processes taking over the same stale lock
 * only one renames it; if what was renamed turns out to be a live lock (another process took over first),
 * it is put back.
 */
function takeOverStale(file: string): void {
  const aside = `${file}.${String(process.pid)}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (holder(aside) !== undefined) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // Someone else holds `file` now: their lock stands either way.
    }
  }
  fs.rmSync(aside, { force: true });
}

function held(file: string): DataDirLock {
  heldHere.add(file);
  const release = () => {
    if (!heldHere.delete(file)) return;
    process.removeListener('exit', release);
    // Removed only while it still names us: never another process's lock.
    if (pidIn(file) === process.pid) fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { file, release };
}
