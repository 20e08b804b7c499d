import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
const durable = process.argv[2] === 'durable';
const dir = `/tmp/dur/${process.argv[2]}`;
fs.rmSync(dir, { recursive: true, force: true });
class DurableNodeFS extends NodeFS {
  async init(pg, opts) {
    const r = await super.init(pg, opts);
    r.emscriptenOpts.preRun = [(mod) => {
      const NODEFS = mod.NODEFS;
      NODEFS.stream_ops.fsync = (stream) => { NODEFS.tryFSOperation(() => fs.fsyncSync(stream.nfd)); return 0; };
    }, ...r.emscriptenOpts.preRun];
    return r;
  }
}
const opts = durable
  ? { fs: new DurableNodeFS(dir), startParams: [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'wal_sync_method=fsync'] }
  : { dataDir: dir };
const pg = await PGlite.create(opts);
console.log((await pg.query('SHOW fsync')).rows, (await pg.query('SHOW wal_sync_method')).rows);
await pg.exec('CREATE TABLE t (id serial primary key, v text)');
process.stderr.write('MARK-START\n');
fs.writeFileSync('/tmp/dur/mark-start', '');
const n = 200; const t0 = performance.now();
for (let i = 0; i < n; i++) await pg.query('INSERT INTO t (v) VALUES ($1)', ['x' + i]);
const ms = performance.now() - t0;
fs.writeFileSync('/tmp/dur/mark-end', '');
console.log(process.argv[2], n, 'inserts', ms.toFixed(0), 'ms', (n / ms * 1000).toFixed(0), '/s');
await pg.close();
