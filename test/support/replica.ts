import pg from 'pg';

/** The server's maintenance database: replay position and control are the whole server's, not one database's. */
function maintenance(url: string): string {
  const moved = new URL(url);
  moved.pathname = '/postgres';
  return moved.toString();
}

/** One row of `text`, run on the maintenance database of the server `url` names. */
export async function onServerOf<T>(url: string, text: string, values: unknown[] = []): Promise<T> {
  const client = new pg.Client({ connectionString: maintenance(url) });
  await client.connect();
  try {
    return (await client.query(text, values)).rows[0] as T;
  } finally {
    await client.end();
  }
}

/**
 * Waits until the replica has replayed everything the primary had written when this was called: the
 * condition decides, not a time (the wait gives up after `limitMs` only so that a broken replica fails the test).
 */
export async function waitForReplay(primaryUrl: string, replicaUrl: string, limitMs = 90_000): Promise<void> {
  const { lsn } = await onServerOf<{ lsn: string }>(primaryUrl, 'SELECT pg_current_wal_lsn()::text AS lsn');
  const client = new pg.Client({ connectionString: maintenance(replicaUrl) });
  await client.connect();
  try {
    const started = performance.now();
    for (;;) {
      const { rows } = await client.query<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [lsn]);
      if (rows[0]?.done) return;
      if (performance.now() - started > limitMs) throw new Error(`the replica has not replayed up to ${lsn} after ${String(limitMs)} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}

/** Stops (or resumes) the replica's replay: what it answers stays as it is, whatever the primary writes meanwhile. */
export async function pauseReplay(replicaUrl: string, paused: boolean): Promise<void> {
  if (!paused) {
    await onServerOf(replicaUrl, 'SELECT pg_wal_replay_resume()');
    return;
  }
  await onServerOf(replicaUrl, 'SELECT pg_wal_replay_pause()');
  // A pause is requested, then reached at the next record: wait for the state, not a time.
  for (let tries = 0; tries < 600; tries++) {
    const { state } = await onServerOf<{ state: string }>(replicaUrl, 'SELECT pg_get_wal_replay_pause_state() AS state');
    if (state === 'paused') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the replica did not pause its replay');
}
