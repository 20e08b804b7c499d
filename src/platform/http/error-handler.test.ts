import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { POOL_WAIT_MESSAGE } from '../db/pglite-pool.ts';
import { StartupError, storageStartupError } from '../db/storage-errors.ts';
import { handleError } from './error-handler.ts';
import { trackRuntime } from './runtime.ts';

/** An app whose one route throws what the database or the file system threw. */
async function answerTo(error: unknown) {
  const app = Fastify();
  const runtime = trackRuntime(app);
  app.setErrorHandler(handleError);
  app.get('/fail', () => {
    throw error;
  });
  const response = await app.inject({ method: 'GET', url: '/fail' });
  await app.close();
  return { response, runtime };
}

const errno = (code: string) => Object.assign(new Error(`${code}: write failed`), { code });
const pgError = (code: string) => Object.assign(new Error('database error'), { code });

describe('errors of a busy or full server', () => {
  it('a full disk (ENOSPC from a file, 53100 from PostgreSQL, errno 51 from PGlite) is a 507 with a message in both languages, and readiness learns of it', async () => {
    const wasm = Object.assign(new Error('ErrnoError'), { name: 'ErrnoError', errno: 51 });
    for (const error of [errno('ENOSPC'), pgError('53100'), wasm]) {
      const { response, runtime } = await answerTo(error);
      expect(response.statusCode).toBe(507);
      expect(response.json()).toMatchObject({
        code: 'INSUFFICIENT_STORAGE',
        message: expect.stringContaining('spazio su disco'),
        messageEn: expect.stringContaining('out of disk space'),
      });
      expect(runtime.diskFullAtMs).toBeTypeOf('number');
    }
  });

  it('a lock or statement timeout and a pool with no free connection are 503 with Retry-After, each saying what happened', async () => {
    const cases: [unknown, string][] = [
      [pgError('55P03'), 'This data is being changed by another operation: try again in a moment.'],
      [pgError('57014'), 'The operation took too long and was stopped: try again in a moment.'],
      [new Error(POOL_WAIT_MESSAGE), 'The server is overloaded right now: try again in a moment.'],
    ];
    for (const [error, messageEn] of cases) {
      const { response } = await answerTo(error);
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json()).toMatchObject({ code: 'UNAVAILABLE', messageEn });
    }
  });
});

describe('start-up errors of the data folder', () => {
  it('name the folder and what the errno means, in Italian and English', () => {
    const wrapped = storageStartupError('/srv/trama/data/pglite', Object.assign(new Error('ErrnoError'), { name: 'ErrnoError', errno: 51 }));
    expect(wrapped).toBeInstanceOf(StartupError);
    expect((wrapped as Error).message).toBe(
      'Impossibile usare la cartella dei dati /srv/trama/data/pglite: il disco è pieno (ENOSPC). Liberare spazio sul disco, poi riavviare.\n' +
        'Cannot use the data folder /srv/trama/data/pglite: the disk is full (ENOSPC). Free some disk space, then start again.',
    );
    expect((storageStartupError('/ro', errno('EROFS')) as Error).message).toContain('the file system is read-only (EROFS)');
    expect((storageStartupError('/x', errno('EACCES')) as Error).message).toContain('permission denied (EACCES)');
  });

  it('leave other errors as they are', () => {
    const other = new Error('syntax error');
    expect(storageStartupError('/x', other)).toBe(other);
  });
});
