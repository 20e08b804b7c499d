#!/usr/bin/env node
// `npm run build` (and the first step of `npm start`): the server bundle (dist/server/cli.mjs, esbuild) and
// the web app (dist/web, vite), each rebuilt only when one of its inputs changed since its last build.
//
//   node scripts/build.mjs [server] [web] [--force]     (no target: both)
//
// "Changed" is decided by content, not by dates: a target's stamp (dist/.build/<target>.json) keeps the
// files its bundler actually read (esbuild's metafile, the web chunks' module ids) plus its configuration
// files and, for the web, every file under web/; a build is up to date when the sha256 of those files is
// the stamp's. A checkout, a copy or a touch that leaves the bytes as they were rebuilds nothing; a
// type-only import of src/ from the web (erased by the bundler) does not tie the web to the server.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampDir = path.join(root, 'dist', '.build');
const SHARED_CONFIG = ['package.json', 'package-lock.json', 'scripts/build.mjs'];

/** Every file under a folder, relative to the root, sorted. */
function filesUnder(folder) {
  const base = path.join(root, folder);
  if (!fs.existsSync(base)) return [];
  return fs
    .readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

const fileHash = (file) => {
  const full = path.join(root, file);
  return fs.existsSync(full) ? crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex') : 'missing';
};

/**
 * One hash over the names and contents of the files; a missing file counts as such (a deleted input
 * rebuilds). `known` gives contents hashed earlier (before a build), so an edit made during the build is
 * not taken for what was built.
 */
function hashFiles(files, known = new Map()) {
  const hash = crypto.createHash('sha256');
  for (const file of [...new Set(files)].sort()) hash.update(`${file}\0${known.get(file) ?? fileHash(file)}\n`);
  return hash.digest('hex');
}

/** Writes through a temporary file and a rename: a reader (a server starting) never sees half a file. */
function writeAtomically(file, contents) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

/** The server: src/cli.ts and everything it imports in one ES module; node_modules stay outside. */
async function buildServer() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/server/cli.mjs',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // Packages are loaded from node_modules at run time, as under tsx: native modules (@node-rs/argon2),
    // PGlite's WebAssembly and data files, and packages read lazily (pdfkit, file-type) resolve as before.
    packages: 'external',
    // Stack traces point into the sources with `node --enable-source-maps` (off by default: it costs memory).
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  for (const output of result.outputFiles) writeAtomically(output.path, output.contents);
  return Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules'));
}

/** The web app: vite with vite.config.ts; the inputs are the modules its chunks were made of. */
async function buildWeb() {
  const vite = await import('vite');
  const built = await vite.build({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'web'), logLevel: 'warn' });
  const outputs = (Array.isArray(built) ? built : [built]).flatMap((result) => ('output' in result ? result.output : []));
  return outputs
    .flatMap((chunk) => (chunk.type === 'chunk' ? chunk.moduleIds : []))
    .filter((id) => path.isAbsolute(id) && id.startsWith(root + path.sep) && !id.includes(`${path.sep}node_modules${path.sep}`))
    .map((id) => path.relative(root, id.split('?')[0]));
}

const TARGETS = {
  server: { output: 'dist/server/cli.mjs', config: [...SHARED_CONFIG, 'tsconfig.json'], folders: [], build: buildServer },
  web: { output: 'dist/web/index.html', config: [...SHARED_CONFIG, 'vite.config.ts'], folders: ['web'], build: buildWeb },
};

const stampFile = (name) => path.join(stampDir, `${name}.json`);

function readStamp(name) {
  try {
    return JSON.parse(fs.readFileSync(stampFile(name), 'utf8'));
  } catch {
    return undefined;
  }
}

const inputsOf = (target, read) => [...read, ...target.config, ...target.folders.flatMap(filesUnder)];

/** Why the target must be built, or undefined when it is up to date. */
export function staleReason(name) {
  const target = TARGETS[name];
  if (!fs.existsSync(path.join(root, target.output))) return `${target.output} missing`;
  const stamp = readStamp(name);
  if (!stamp || !Array.isArray(stamp.inputs)) return 'no record of the last build';
  return hashFiles(inputsOf(target, stamp.inputs)) === stamp.hash ? undefined : 'sources changed since the last build';
}

/**
 * Builds one target unless it is up to date. `log` receives one line: what was built and why, or "up to
 * date" (unless `quiet`); returns whether it built.
 */
export async function ensureBuilt(name, { force = false, quiet = false, log = console.log } = {}) {
  const target = TARGETS[name];
  const reason = force ? 'forced' : staleReason(name);
  if (reason === undefined) {
    if (!quiet) log(`${name}: up to date (${target.output})`);
    return false;
  }
  const started = performance.now();
  // What the bundler may read, hashed before it runs: the stamp records the bytes that were built.
  const before = new Map([...target.config, ...['src', ...target.folders].flatMap(filesUnder)].map((file) => [file, fileHash(file)]));
  const read = await target.build();
  const inputs = [...new Set(read)].sort();
  writeAtomically(stampFile(name), `${JSON.stringify({ inputs, hash: hashFiles(inputsOf(target, inputs), before) }, null, 1)}\n`);
  log(`${name}: built ${target.output} in ${String(Math.round(performance.now() - started))} ms (${reason})`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--force' && !(arg in TARGETS));
  if (unknown.length) {
    console.error(`Uso / usage: node scripts/build.mjs [server] [web] [--force] (unknown: ${unknown.join(' ')})`);
    process.exit(1);
  }
  const asked = args.filter((arg) => arg in TARGETS);
  for (const name of asked.length ? asked : Object.keys(TARGETS)) await ensureBuilt(name, { force: args.includes('--force') });
}
