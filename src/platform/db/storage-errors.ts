import type { Bilingual } from '../http/errors.ts';

/**
 * PGlite's file system is Emscripten's: its errors carry Emscripten's errno numbers, not the operating
 * system's names (a full disk arrives as `ErrnoError … errno: 51`). The ones an operator can act on.
 */
const wasmErrno: Record<number, string> = { 2: 'EACCES', 29: 'EIO', 51: 'ENOSPC', 63: 'EPERM', 69: 'EROFS' };

/** What each condition means, then what the operator does about it. */
const meanings: Record<string, { what: Bilingual; fix: Bilingual }> = {
  ENOSPC: { what: { it: 'il disco è pieno', en: 'the disk is full' }, fix: { it: 'Liberare spazio sul disco', en: 'Free some disk space' } },
  EDQUOT: { what: { it: 'la quota disco è esaurita', en: 'the disk quota is exhausted' }, fix: { it: 'Aumentare la quota o liberare spazio', en: 'Raise the quota or free some space' } },
  EACCES: {
    what: { it: 'permesso negato', en: 'permission denied' },
    fix: { it: 'Dare all’utente del servizio il permesso di scrivere nella cartella', en: 'Let the service user write to the folder' },
  },
  EPERM: {
    what: { it: 'operazione non permessa', en: 'operation not permitted' },
    fix: { it: 'Dare all’utente del servizio il permesso di scrivere nella cartella', en: 'Let the service user write to the folder' },
  },
  EROFS: {
    what: { it: 'il file system è in sola lettura', en: 'the file system is read-only' },
    fix: { it: 'Montare il disco in scrittura o indicare un’altra cartella (TRAMA_DATA_DIR)', en: 'Mount the disk read-write or choose another folder (TRAMA_DATA_DIR)' },
  },
  EIO: { what: { it: 'errore di lettura/scrittura del disco', en: 'disk input/output error' }, fix: { it: 'Controllare il disco', en: 'Check the disk' } },
  ENOTDIR: {
    what: { it: 'una parte del percorso non è una cartella', en: 'part of the path is not a folder' },
    fix: { it: 'Indicare un’altra cartella (TRAMA_DATA_DIR)', en: 'Choose another folder (TRAMA_DATA_DIR)' },
  },
};

/** The errno name of a storage error (Node's `code`, PGlite's Emscripten `errno`), or undefined. */
export function storageErrno(error: unknown): string | undefined {
  const { code, errno, name } = (error ?? {}) as { code?: unknown; errno?: unknown; name?: unknown };
  if (typeof code === 'string' && code in meanings) return code;
  if (name === 'ErrnoError' && typeof errno === 'number') return wasmErrno[errno];
  return undefined;
}

/** The disk (or quota) is full: PostgreSQL's SQLSTATE 53100 disk_full, or ENOSPC/EDQUOT from a file write or PGlite. */
export function isDiskFull(error: unknown): boolean {
  if ((error as { code?: unknown } | undefined)?.code === '53100') return true;
  const errno = storageErrno(error);
  return errno === 'ENOSPC' || errno === 'EDQUOT';
}

/** An error the operator must fix before the server can start; its message is Italian, then English. */
export class StartupError extends Error {
  readonly bilingual: Bilingual;
  constructor(bilingual: Bilingual, options?: { cause?: unknown }) {
    super(`${bilingual.it}\n${bilingual.en}`, options);
    this.name = 'StartupError';
    this.bilingual = bilingual;
  }
}

/**
 * A data folder that cannot be created, locked or opened: names the folder and what the errno means,
 * instead of PGlite's bare `ErrnoError`. Errors that are not about storage pass through unchanged.
 */
export function storageStartupError(folder: string, error: unknown): unknown {
  const errno = storageErrno(error);
  if (error instanceof StartupError || !errno) return error;
  const { what, fix } = meanings[errno]!;
  return new StartupError(
    {
      it: `Impossibile usare la cartella dei dati ${folder}: ${what.it} (${errno}). ${fix.it}, poi riavviare.`,
      en: `Cannot use the data folder ${folder}: ${what.en} (${errno}). ${fix.en}, then start again.`,
    },
    { cause: error },
  );
}
