import type { Database } from '../db/database.ts';
import type { App } from './feature.ts';

/**
 * Graceful stop (SIGTERM/SIGINT): readiness turns 503 at once, new requests are refused, the ones in flight
 * get up to `graceMs` to finish; then the listener and the remaining connections close and the pool
 * closes. Resolves whether or not everything finished in time; tells which.
 */
export async function shutDown(app: App, database: Database, graceMs: number): Promise<{ drained: boolean }> {
  const { runtime } = app;
  runtime.shuttingDown = true;
  app.log.info({ inFlight: runtime.inFlight, graceMs }, 'shutting down: finishing requests in flight');
  let timer: NodeJS.Timeout | undefined;
  const drained = await Promise.race([
    runtime.idle().then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => { resolve(false); }, graceMs))),
  ]);
  clearTimeout(timer);
  if (!drained) {
    app.log.warn({ inFlight: runtime.inFlight }, 'shutdown grace period over: cutting the requests still running');
    app.server.closeAllConnections();
  }
  await app.close();
  await database.close();
  return { drained };
}
