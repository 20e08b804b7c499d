import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Role } from '../access/roles.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AppContext {
  database: Database;
  config: Config;
}

/** What a feature hands the platform: its permissions, its routes under /api, optional start-up work. */
export interface Feature {
  name: string;
  permissions?: Record<string, readonly Role[]>;
  routes?: (app: App, context: AppContext) => void;
  /** Runs after migrations, before serving (e.g. loading reference data). */
  onStart?: (context: AppContext) => Promise<void>;
}
