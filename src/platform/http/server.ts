import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { LogController } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createGuard } from '../access/guard.ts';
import { definePermissions, PUBLIC } from '../access/policy.ts';
import { AppError } from './errors.ts';
import { errorBody, handleError } from './error-handler.ts';
import { refusingNul } from './nul-guard.ts';
import { trackRuntime } from './runtime.ts';
import { contentSecurityPolicy, relaxForApiDocs } from './security-headers.ts';
import type { App, AppContext, Feature } from './feature.ts';
import { createLogger } from '../logger.ts';

export interface RouteInventoryEntry {
  method: string;
  url: string;
  permission: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with the permission it declares: the permission inventory test reads it. */
    routeInventory: RouteInventoryEntry[];
  }
}

export interface ServerOptions {
  context: AppContext;
  features: Feature[];
  /** Folder of the built web app; served at / when it exists. */
  webDir?: string;
  logger?: boolean;
}

const BODY_LIMIT = 256 * 1024;

export async function buildServer({ context, features, webDir, logger = true }: ServerOptions): Promise<App> {
  const app = Fastify({
    loggerInstance: createLogger(context.config.logLevel, logger),
    // Fastify's own request lines log the raw URL, whose query may hold names: we log route patterns instead.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT,
    trustProxy: process.env.TRAMA_TRUST_PROXY === 'true',
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(refusingNul(validatorCompiler));
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  // Routes added by plugins (docs, static files) carry no personal data: mark them public explicitly,
  // so the guard and the permission inventory see a declaration on every route.
  const inventory: RouteInventoryEntry[] = [];
  app.decorate('routeInventory', inventory);
  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
    if (!isApi && route.config?.permission === undefined) route.config = { ...route.config, permission: PUBLIC };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') inventory.push({ method, url: route.url, permission: route.config?.permission });
    }
  });

  trackRuntime(app);
  await app.register(cookie);
  // Security headers on every answer (pages, API, files); HSTS only behind HTTPS, which secure cookies announce.
  await app.register(helmet, {
    contentSecurityPolicy: contentSecurityPolicy(context.config.secureCookies),
    strictTransportSecurity: context.config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Trama API',
        description: 'Sistema informativo del Servizio Sociale Territoriale / Territorial social service information system',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'trama_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', transformStaticCSP: relaxForApiDocs });

  app.addHook('onRequest', createGuard(context.database.db, context.config));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('cache-control', 'no-store');
  });
  // Logged per request: method, route pattern (never the raw URL, whose query may hold names), status, time.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        userId: request.actor?.userId,
      },
      'request',
    );
  });

  for (const feature of features) if (feature.permissions) definePermissions(feature.permissions);
  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      typed.get('/openapi.json', { config: { permission: PUBLIC }, schema: { hide: true } }, async () => app.swagger());
      for (const feature of features) feature.routes?.(typed, context);
    },
    { prefix: '/api' },
  );

  const hasWeb = webDir !== undefined && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes get the app; a missing file (an old /assets/… after a rebuild) gets a real 404.
    const pathname = request.url.split('?')[0] ?? '';
    const isPage = request.method === 'GET' && !pathname.startsWith('/api') && !/\.[a-z0-9]+$/i.test(pathname) && hasWeb;
    if (isPage) return reply.type('text/html').sendFile('index.html');
    const error = new AppError('NOT_FOUND', {
      message: { it: 'Indirizzo non trovato.', en: 'No such address.' },
    });
    return reply.status(404).type('application/json').send(JSON.stringify(errorBody(error, request.id)));
  });
  return app;
}
