import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where the bytes of case documents live: in the database row (the default: one backup holds all) or,
 * when TRAMA_DOCUMENTS_DIR is set, in that folder under a file named by the document id — never by the
 * user's file name, so no name can reach outside the folder or collide.
 */
export interface DocumentStorage {
  kind: 'database' | 'folder';
  /** Stores the bytes before the row is written; returns the value for the row's `content` column. */
  put(id: string, bytes: Buffer): Promise<Buffer | null>;
  /** Removes the file of a row that was not written after all. */
  discard(id: string): Promise<void>;
  get(id: string, content: Buffer | null): Promise<Buffer>;
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const UUID = /^[0-9a-f-]{36}$/u;

export function documentStorage(dir: string | undefined): DocumentStorage {
  if (!dir) {
    return {
      kind: 'database',
      put: async (_id, bytes) => bytes,
      discard: async () => {},
      get: async (_id, content) => {
        if (!content) throw new Error('document content missing from the database');
        return content;
      },
    };
  }
  const fileOf = (id: string) => {
    if (!UUID.test(id)) throw new Error('document id expected');
    return path.join(dir, id);
  };
  return {
    kind: 'folder',
    put: async (id, bytes) => {
      await fs.mkdir(dir, { recursive: true });
      // Written under a temporary name then renamed: a reader never sees half a file.
      const temporary = `${fileOf(id)}.part`;
      await fs.writeFile(temporary, bytes, { flag: 'wx', mode: 0o600 });
      await fs.rename(temporary, fileOf(id));
      return null;
    },
    discard: async (id) => { await fs.rm(fileOf(id), { force: true }); },
    get: async (id) => fs.readFile(fileOf(id)),
  };
}
