#!/usr/bin/env node
// `npx trama migrate | seed-demo | create-user | serve | backup | restore`: runs the compiled CLI
// (dist/server/cli.mjs), no TypeScript at run time. When its sources changed since the last build (a
// development checkout after an edit) the bundle is rebuilt first, in well under a second; a release built
// once (`npm run build`) is only checked. Build messages go to stderr: stdout stays the command's.
import { ensureBuilt } from '../scripts/build.mjs';

try {
  await ensureBuilt('server', { quiet: true, log: console.error });
} catch (error) {
  console.error(
    'Il programma compilato (dist/server) non è aggiornato e non si è potuto ricostruire: eseguire "npm run build" come proprietario della cartella.\n' +
      'The compiled program (dist/server) is out of date and could not be rebuilt: run "npm run build" as the owner of the folder.',
  );
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
await import('../dist/server/cli.mjs');
