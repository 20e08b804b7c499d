import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's (or release's) root folder: the nearest folder above this module with a package.json.
 * The code runs from two layouts — the sources (src/platform/app-root.ts, under tsx and vitest) and the
 * bundle (dist/server/cli.mjs, where every module's import.meta.url is the bundle's) — so files shipped
 * beside the code (migrations, reference data, the built web app) are found from the root, never from
 * the calling module's own folder.
 */
export function findAppRoot(from: string): string {
  for (let dir = path.dirname(fileURLToPath(from)); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${fileURLToPath(from)}`);
  }
}

export const appRoot = findAppRoot(import.meta.url);

/** A path inside the release, e.g. `appPath('migrations')`. */
export const appPath = (...parts: string[]): string => path.join(appRoot, ...parts);
