import fs from 'node:fs';
import { AppError } from '../http/errors.ts';

/**
 * One process at a time on a PGlite data folder. PGlite takes no lock of its own (its postmaster.pid
 * names a process inside WebAssembly), and two processes writing the same files corrupt them: a second
 * `trama serve`, or `trama backup` / `restore` while the server runs. The lock is a file beside the
 * folder holding the owner's process id; a lock whose process is gone (a crash, a killed container) is
 * taken over.
 */

/** Folders this process holds: a lock naming our own pid that is not in here was left by an earlier
 * process that had the same pid (the server is often pid 1 in a container, at every start). */
const held = new Set<string>();

export const lockFileOf = (dataDir: string) => `${dataDir}.lock`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process holding the folder, or undefined when nobody (alive) does. */
export function dataFolderHolder(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(lockFileOf(dataDir), 'utf8'), 10);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  if (pid === process.pid) return held.has(dataDir) ? pid : undefined;
  return alive(pid) ? pid : undefined;
}

export const folderInUse = (dataDir: string, pid: number) =>
  new AppError('CONFLICT', {
    message: {
      it: `La cartella del database ${dataDir} è in uso dal processo ${String(pid)} (un server Trama avviato?): fermarlo e riprovare. PGlite ammette un solo processo alla volta.`,
      en: `The database folder ${dataDir} is in use by process ${String(pid)} (a running Trama server?): stop it and try again. PGlite allows one process at a time.`,
    },
  });

/** Takes the folder for this process or throws who holds it; returns the release. */
export function lockDataFolder(dataDir: string): () => void {
  const lockFile = lockFileOf(dataDir);
  const holder = dataFolderHolder(dataDir);
  if (holder !== undefined) throw folderInUse(dataDir, holder);
  fs.rmSync(lockFile, { force: true });
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch (error) {
    // Another process took it between our look and our write.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw folderInUse(dataDir, dataFolderHolder(dataDir) ?? 0);
    throw error;
  }
  held.add(dataDir);
  return () => {
    held.delete(dataDir);
    if (fs.existsSync(lockFile) && fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.rmSync(lockFile, { force: true });
  };
}
