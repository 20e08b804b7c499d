import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

/** What the process knows of its own state: readiness reads it, the error handler and shutdown write it. */
export interface Runtime {
  /** Set on SIGTERM/SIGINT: readiness answers 503 and new requests are turned away while the others finish. */
  shuttingDown: boolean;
  /** Requests received and not yet answered. */
  inFlight: number;
  /** When a write last failed for a full disk (clock ms): readiness stays false for a while after. */
  diskFullAtMs: number | undefined;
  /** Resolves once no request is in flight. */
  idle(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    runtime: Runtime;
  }
}

/** Routes that keep answering while the server drains: the load balancer must see readiness turn 503. */
const isHealth = (url: string) => url === '/api/health' || url.startsWith('/api/health/') || url.startsWith('/api/health?');

const SHUTTING_DOWN = {
  it: 'Il server si sta arrestando per manutenzione: riprovare tra qualche istante.',
  en: 'The server is shutting down for maintenance: try again in a moment.',
};

/** Counts in-flight requests and, once shutdown has begun, refuses new ones (503, Retry-After). Registered before the guard. */
export function trackRuntime(app: FastifyInstance): Runtime {
  let waiters: (() => void)[] = [];
  const runtime: Runtime = {
    shuttingDown: false,
    inFlight: 0,
    diskFullAtMs: undefined,
    idle: () => (runtime.inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
  app.decorate('runtime', runtime);
  app.addHook('onRequest', async (request, reply) => {
    runtime.inFlight += 1;
    // 'close' comes once per response, whether it was sent or the client went away.
    reply.raw.once('close', () => {
      runtime.inFlight -= 1;
      if (runtime.inFlight === 0) {
        for (const resolve of waiters) resolve();
        waiters = [];
      }
    });
    if (runtime.shuttingDown && !isHealth(request.url)) {
      void reply.header('connection', 'close');
      throw new AppError('UNAVAILABLE', { message: SHUTTING_DOWN });
    }
  });
  return runtime;
}
