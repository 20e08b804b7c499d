import fs from 'node:fs';
import type { PGlite, PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * PGlite on a folder never reaches the disk by itself (0 fsync in 347 acknowledged writes under
 * strace): it starts PostgreSQL with `-F` (fsync off), and Emscripten's NODEFS has no fsync while its
 * fdatasync is a no-op. A committed transaction then sits in the kernel's page cache: a process crash
 * keeps it, a power cut or kernel crash can lose it or leave the data folder corrupt.
 *
 * (PGlite's `relaxedDurability` does not help: it only tells the IndexedDB/OPFS file systems whether to
 * wait for their flush; NodeFS has nothing to flush.)
 *
 * The durable setting keeps PostgreSQL's fsync on, makes it sync the WAL with fsync() (the one call that
 * reaches the file system layer) and gives NODEFS the fsync it lacks, so every commit is on the disk
 * before it is acknowledged, as on a PostgreSQL server.
 */

interface NodeFsModule {
  NODEFS: {
    stream_ops: { fsync?: (stream: { nfd?: number }) => number };
    tryFSOperation<T>(operation: () => T): T;
  };
}

/** Told of every fsync the durable file system does (the test counts them per acknowledged write). */
export type FsyncObserver = () => void;

class DurableNodeFS extends NodeFS {
  constructor(
    dataDir: string,
    private readonly onFsync?: FsyncObserver,
  ) {
    super(dataDir);
  }

  override async init(pg: PGlite, options: Parameters<NodeFS['init']>[1]) {
    const { emscriptenOpts } = await super.init(pg, options);
    const giveFsync = (module: unknown) => {
      const { NODEFS } = module as NodeFsModule;
      // Every NODEFS file shares this one stream_ops object: set once, before the folder is mounted.
      NODEFS.stream_ops.fsync = (stream) => {
        if (stream.nfd !== undefined) NODEFS.tryFSOperation(() => { fs.fsyncSync(stream.nfd!); });
        this.onFsync?.();
        return 0;
      };
    };
    const preRun = [giveFsync, ...(emscriptenOpts.preRun ?? [])];
    return { emscriptenOpts: { ...emscriptenOpts, preRun } };
  }
}

/** The options that open PGlite on `dataDir`, durably or (as PGlite does by default) not. */
export function pgliteFolderOptions(
  PGliteClass: { defaultStartParams: string[] },
  dataDir: string,
  durable: boolean,
  onFsync?: FsyncObserver,
): Pick<PGliteOptions, 'dataDir' | 'fs' | 'startParams'> {
  if (!durable) return { dataDir };
  const startParams = [...PGliteClass.defaultStartParams.filter((param) => param !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];
  return { fs: new DurableNodeFS(dataDir, onFsync), startParams };
}
