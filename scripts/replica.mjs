#!/usr/bin/env node
// A streaming replica of the test PostgreSQL server, for the read-replica tests (src/platform/db/read-replica.int.test.ts).
//
//   node scripts/replica.mjs start   # idempotent: prints the replica's URL on the last line of stdout
//   node scripts/replica.mjs stop
//
// `start` allows replication connections from 127.0.0.1 on the primary (a `host replication` line in its
// pg_hba.conf, then a reload), copies it with `pg_basebackup -R` into TRAMA_TEST_REPLICA_DIR (the system's temp
// folder/trama-replica by default) and starts that copy as a hot standby on TRAMA_TEST_REPLICA_PORT (5433) with
// pg_ctl. The server processes run as the `postgres` OS user (runuser when we are root). Exit code 2: this
// machine cannot make a replica (no PostgreSQL binaries, no permission to edit pg_hba.conf…), the reason on stderr.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const primaryUrl = process.env.TRAMA_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const port = Number(process.env.TRAMA_TEST_REPLICA_PORT ?? 5433);
const dir = process.env.TRAMA_TEST_REPLICA_DIR ?? path.join(os.tmpdir(), 'trama-replica');
const HBA_LINE = 'host replication all 127.0.0.1/32 trust';
/**
 * The primary keeps the WAL the replica has not received yet: the suite writes gigabytes of it (every test
 * database is a copy of the template), more than the primary would otherwise keep. Dropped by `stop`, and
 * by the next `start` if a run ended without stopping, so the primary never keeps WAL for a replica gone.
 */
const SLOT = 'trama_test_replica';

class CannotReplicate extends Error {}

function replicaUrl() {
  const url = new URL(primaryUrl);
  url.port = String(port);
  return url.toString();
}

/** Runs a PostgreSQL tool as the `postgres` OS user (the owner of the data folders); its stdout. */
function asPostgres(command, args) {
  const isRoot = process.getuid?.() === 0;
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.error) throw new CannotReplicate(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${String(result.status)}):\n${result.stderr}`);
  return result.stdout;
}

async function query(url, text) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/** The replica answers, is a standby and is streaming from the primary through its slot. */
async function replicaRunning() {
  try {
    const [row] = await query(replicaUrl(), "SELECT pg_is_in_recovery() AS standby, EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') AS streaming");
    const [slot] = await query(primaryUrl, `SELECT active FROM pg_replication_slots WHERE slot_name = '${SLOT}'`);
    return row.standby === true && row.streaming === true && slot?.active === true;
  } catch {
    return false;
  }
}

async function dropSlot() {
  await query(primaryUrl, `SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '${SLOT}' AND NOT active`);
}

/** The primary accepts replication connections from 127.0.0.1 (a line appended to its pg_hba.conf, then reloaded). */
async function allowReplication() {
  const [{ hba_file: hba }] = await query(primaryUrl, 'SHOW hba_file');
  const text = fs.readFileSync(hba, 'utf8');
  if (text.split('\n').some((line) => line.trim().replace(/\s+/g, ' ') === HBA_LINE)) return;
  try {
    fs.appendFileSync(hba, `\n# Added by Trama's scripts/replica.mjs: the test replica streams from this server.\n${HBA_LINE}\n`);
  } catch (error) {
    throw new CannotReplicate(`cannot add "${HBA_LINE}" to ${hba}: ${error.message}`);
  }
  await query(primaryUrl, 'SELECT pg_reload_conf()');
}

/** The tools of the primary's major version (Debian keeps them out of PATH). */
async function binDir() {
  const [{ version }] = await query(primaryUrl, "SELECT current_setting('server_version_num')::int / 10000 AS version");
  const candidates = [`/usr/lib/postgresql/${String(version)}/bin`, `/usr/pgsql-${String(version)}/bin`];
  const found = candidates.find((candidate) => fs.existsSync(path.join(candidate, 'pg_basebackup')));
  if (!found) throw new CannotReplicate(`PostgreSQL ${String(version)}'s pg_basebackup not found in ${candidates.join(' or ')}`);
  return found;
}

/**
 * The standby's own configuration: Debian keeps postgresql.conf and pg_hba.conf outside the data folder, so
 * the copy has none. Hot standby needs these limits at least as high as the primary's.
 */
async function writeStandbyConfig() {
  const limits = await query(
    primaryUrl,
    `SELECT name, setting FROM pg_settings
     WHERE name IN ('max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')`,
  );
  const conf = [
    `port = ${String(port)}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${dir}'`,
    'hot_standby = on',
    // Report queries are not cancelled for rows the primary's vacuum removes meanwhile.
    'hot_standby_feedback = on',
    'shared_buffers = 16MB',
    'autovacuum = off',
    ...limits.map((row) => `${row.name} = ${row.setting}`),
  ];
  const hba = ['local all all trust', 'host all all 127.0.0.1/32 trust'];
  // Owned like the rest of the copy, so the server (running as the folder's owner) reads them.
  const { uid, gid } = fs.statSync(dir);
  for (const [name, lines] of [['postgresql.conf', conf], ['pg_hba.conf', hba]]) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
    fs.chownSync(file, uid, gid);
  }
}

async function start() {
  if (await replicaRunning()) return replicaUrl();
  await allowReplication();
  const bin = await binDir();
  // A copy left by an earlier run that is not running is taken again: the primary has moved on since.
  if (fs.existsSync(path.join(dir, 'postmaster.pid'))) {
    try {
      asPostgres(`${bin}/pg_ctl`, ['-D', dir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Not running any more: its folder is replaced below all the same.
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  await dropSlot();
  const primary = new URL(primaryUrl);
  const args = ['-h', primary.hostname, '-p', primary.port || '5432', '-U', primary.username || 'postgres', '-D', dir, '-R', '-X', 'stream', '-c', 'fast', '-C', '-S', SLOT];
  asPostgres(`${bin}/pg_basebackup`, args);
  await writeStandbyConfig();
  asPostgres(`${bin}/pg_ctl`, ['-D', dir, '-l', path.join(dir, 'replica.log'), '-w', '-t', '60', 'start']);
  if (!(await replicaRunning())) throw new Error(`the replica on port ${String(port)} started but is not a standby: see ${dir}/replica.log`);
  return replicaUrl();
}

async function stop() {
  if (fs.existsSync(path.join(dir, 'postmaster.pid'))) asPostgres(`${await binDir()}/pg_ctl`, ['-D', dir, '-m', 'fast', '-w', 'stop']);
  await dropSlot();
}

const command = process.argv[2];
try {
  if (command === 'start') console.log(await start());
  else if (command === 'stop') await stop();
  else {
    console.error('usage: node scripts/replica.mjs start|stop');
    process.exit(1);
  }
} catch (error) {
  console.error(`replica ${command}: ${error.message}`);
  process.exit(error instanceof CannotReplicate ? 2 : 1);
}
