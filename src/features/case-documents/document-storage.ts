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
  /** The bytes of a row, from where that row says they are (documents stay readable after the setting changes). */
  get(id: string, row: { storage: 'database' | 'folder'; content: Buffer | null }): Promise<Buffer>;
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const UUID = /^[0-9a-f-]{36}$/u;

export function documentStorage(dir: string | undefined): DocumentStorage {
  const fileOf = (id: string) => {
    if (!dir) throw new Error('a case document is stored in a folder but TRAMA_DOCUMENTS_DIR is not set');
    if (!UUID.test(id)) throw new Error('document id expected');
    return path.join(dir, id);
  };
  const get: DocumentStorage['get'] = async (id, row) => {
    if (row.storage === 'folder') return fs.readFile(fileOf(id));
    if (!row.content) throw new Error('document content missing from the database');
    return Buffer.from(row.content);
  };
  if (!dir) return { kind: 'database', put: async (_id, bytes) => bytes, discard: async () => {}, get };
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
    get,
  };
}
