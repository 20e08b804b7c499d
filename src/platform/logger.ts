import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';

/** JSON lines; personal data never goes in: requests are logged by route pattern, bodies never. */
export function createLogger(level: string, enabled = true): FastifyBaseLogger {
  return pino({
    level: enabled ? level : 'silent',
    base: { service: 'trama' },
    redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', '*.password', '*.passwordHash'], remove: true },
  });
}
