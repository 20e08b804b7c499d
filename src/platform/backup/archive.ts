import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { clock } from '../time/clock.ts';
import { backupError, MANIFEST_MEMBER, Manifest } from './manifest.ts';

/**
 * The backup file: a plain tar whose first member is manifest.json, then the database dump and the
 * documents, each listed in the manifest with its size and sha256.
 */

export interface Member {
  name: string;
  /** Where its bytes are read from while the archive is written. */
  source: string;
}

/** Size and sha256 of a file, read as a stream (documents and dumps can be large). */
export async function fileDigest(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

async function syncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes the archive under a temporary name, syncs it and renames it: `file` is either a whole backup
 * or absent, never half of one.
 */
export async function writeArchive(file: string, manifest: Manifest, members: Member[]): Promise<void> {
  const partial = `${file}.part`;
  const pack = tar.pack();
  const written = pipeline(pack, fs.createWriteStream(partial, { mode: 0o600 }));
  const mtime = clock.now();
  try {
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    pack.entry({ name: MANIFEST_MEMBER, size: manifestBytes.length, mode: 0o600, mtime }, manifestBytes);
    for (const member of members) {
      const { size } = await fs.promises.stat(member.source);
      const entry = pack.entry({ name: member.name, size, mode: 0o600, mtime });
      await pipeline(fs.createReadStream(member.source), entry);
    }
    pack.finalize();
    await written;
    await syncFile(partial);
    await fs.promises.rename(partial, file);
  } catch (error) {
    pack.destroy();
    await written.catch(() => undefined);
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}

const damaged = (file: string, why: { it: string; en: string }) =>
  backupError({
    it: `Il file ${file} non è un backup di Trama integro (${why.it}): nulla è stato ripristinato.`,
    en: `The file ${file} is not an intact Trama backup (${why.en}): nothing was restored.`,
  });

const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

/** Passes bytes through while hashing and counting them. */
function digesting() {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ bytes, sha256: hash.digest('hex') }) };
}

/**
 * Unpacks the archive into `staging` and checks it against its manifest: every member listed, none
 * added, each with its size and sha256. Anything else (a truncated, corrupted or foreign file) is
 * refused before the caller touches the database.
 */
export async function readArchive(file: string, staging: string): Promise<Manifest> {
  if (!fs.existsSync(file)) {
    throw backupError({ it: `Il file ${file} non esiste.`, en: `The file ${file} does not exist.` });
  }
  const extract = tar.extract();
  const reading = pipeline(fs.createReadStream(file), extract);
  let manifest: Manifest | undefined;
  const seen = new Set<string>();
  try {
    for await (const entry of extract) {
      const { name, type, size } = entry.header;
      if (!manifest) {
        if (name !== MANIFEST_MEMBER || type !== 'file' || (size ?? 0) > MAX_MANIFEST_BYTES) {
          throw damaged(file, { it: 'manca il manifest', en: 'no manifest' });
        }
        const chunks: Buffer[] = [];
        for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
        const parsed = Manifest.safeParse((() => { try { return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown; } catch { return undefined; } })());
        if (!parsed.success) throw damaged(file, { it: 'manifest illeggibile o di un formato sconosciuto', en: 'unreadable manifest or unknown format' });
        manifest = parsed.data;
        continue;
      }
      const listed = manifest.files.find((member) => member.name === name);
      if (!listed || type !== 'file' || seen.has(name)) {
        throw damaged(file, { it: `contiene ${name}, che il manifest non elenca`, en: `it holds ${name}, which the manifest does not list` });
      }
      seen.add(name);
      const target = path.join(staging, ...name.split('/'));
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const digest = digesting();
      await pipeline(entry, digest.stream, fs.createWriteStream(target, { mode: 0o600 }));
      const found = digest.result();
      if (found.bytes !== listed.bytes || found.sha256 !== listed.sha256) {
        throw damaged(file, { it: `${name} non corrisponde al suo checksum sha256`, en: `${name} does not match its sha256 checksum` });
      }
    }
    await reading;
  } catch (error) {
    extract.destroy();
    await reading.catch(() => undefined);
    if (error instanceof Error && 'bilingual' in error) throw error;
    throw damaged(file, { it: `archivio tar illeggibile o troncato: ${(error as Error).message}`, en: `unreadable or truncated tar archive: ${(error as Error).message}` });
  }
  if (!manifest) throw damaged(file, { it: 'archivio vuoto', en: 'empty archive' });
  const missing = manifest.files.filter((member) => !seen.has(member.name)).map((member) => member.name);
  if (missing.length) {
    throw damaged(file, { it: `troncato: mancano ${missing.join(', ')}`, en: `truncated: missing ${missing.join(', ')}` });
  }
  return manifest;
}
