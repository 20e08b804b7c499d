import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { lsnBytes } from './read-replica.ts';

// Each of these is refused before any connection is attempted: no server is needed (nothing listens on port 1).
describe('database settings refused at start with what to do instead', () => {
  it('a multi-host URL (node-postgres reads one host): use an address that follows the primary', async () => {
    const opening = openDatabase({ databaseUrl: 'postgresql://trama@db1:5432,db2:5432/trama?target_session_attrs=read-write' });
    await expect(opening).rejects.toMatchObject({
      name: 'StartupError',
      bilingual: { en: expect.stringContaining('DATABASE_URL names several servers (db1:5432,db2:5432)'), it: expect.stringContaining('HAProxy') },
    });
  });

  it('TRAMA_NOW through pgbouncer: the clock shift is a connection setting pgbouncer cannot carry', async () => {
    const opening = openDatabase({ databaseUrl: 'postgresql://trama@127.0.0.1:1/trama', pooler: 'pgbouncer', clockOffsetMs: 86_400_000 });
    await expect(opening).rejects.toMatchObject({ name: 'StartupError', bilingual: { en: expect.stringContaining('TRAMA_NOW cannot be used with TRAMA_DB_POOLER=pgbouncer') } });
  });

  it('a read replica for the embedded database, which has none', async () => {
    const opening = openDatabase({ replicaUrl: 'postgresql://trama@127.0.0.1:1/trama' });
    await expect(opening).rejects.toMatchObject({ name: 'StartupError', bilingual: { en: expect.stringContaining('TRAMA_DATABASE_REPLICA_URL needs a PostgreSQL server') } });
  });
});

describe('replica lag in bytes', () => {
  it('reads both halves of a WAL position', () => {
    expect(lsnBytes('0/3000060')).toBe(0x3000060);
    expect(lsnBytes('1/0') - lsnBytes('0/FFFFFFFF')).toBe(1);
  });
});
