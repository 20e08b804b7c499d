import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { isDiskFull } from '../db/storage-errors.ts';
import { POOL_WAIT_MESSAGE } from '../db/pglite-pool.ts';
import { clock } from '../time/clock.ts';
import { AppError, type Bilingual } from './errors.ts';
import type { ErrorBody } from './error.schemas.ts';
import { toFieldIssues } from './validation-messages.ts';

const fastifyCodes: Record<string, AppError['code']> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_JSON',
};

/** PostgreSQL errors caused by input that passed the schema (a reference to nothing, a duplicate…). */
const databaseCodes: Record<string, { code: AppError['code']; message: Bilingual }> = {
  '23505': { code: 'CONFLICT', message: { it: 'Il dato esiste già.', en: 'This already exists.' } },
  '23503': {
    code: 'VALIDATION',
    message: { it: 'Un riferimento indicato non esiste (comune, area, utente…).', en: 'A referenced item does not exist (municipality, area, user…).' },
  },
  '23514': { code: 'VALIDATION', message: { it: 'Un valore non rispetta le regole.', en: 'A value breaks the rules.' } },
  '22P02': { code: 'VALIDATION', message: { it: 'Un valore ha un formato non valido.', en: 'A value has an invalid format.' } },
  '22001': { code: 'VALIDATION', message: { it: 'Un testo è troppo lungo.', en: 'A text is too long.' } },
  '22007': { code: 'VALIDATION', message: { it: 'Data non valida.', en: 'Invalid date.' } },
  '22008': { code: 'VALIDATION', message: { it: 'Data fuori intervallo.', en: 'Date out of range.' } },
};

/**
 * The database is there but busy: a statement past TRAMA_DB_STATEMENT_TIMEOUT_MS (57014), a row or table
 * locked longer than TRAMA_DB_LOCK_TIMEOUT_MS (55P03), no free connection within TRAMA_DB_POOL_WAIT_MS.
 * Nothing the user did; trying again shortly usually works.
 */
const busyCodes: Record<string, Bilingual> = {
  '57014': {
    it: 'L’operazione ha richiesto troppo tempo ed è stata interrotta: riprovare tra qualche istante.',
    en: 'The operation took too long and was stopped: try again in a moment.',
  },
  '55P03': {
    it: 'Questi dati sono in modifica da parte di un’altra operazione: riprovare tra qualche istante.',
    en: 'This data is being changed by another operation: try again in a moment.',
  },
};
const POOL_BUSY: Bilingual = {
  it: 'Il server è sovraccarico in questo momento: riprovare tra qualche istante.',
  en: 'The server is overloaded right now: try again in a moment.',
};

/**
 * The database went away under the request (terminated backend, failover, network reset, refused
 * connection): nothing the user did, and worth trying again.
 */
function isConnectionLoss(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (/^(08|57P0)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code))) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection error and is not queryable/i.test(message);
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | undefined)?.code;
  const busy = typeof code === 'string' ? busyCodes[code] : undefined;
  if (busy) return new AppError('UNAVAILABLE', { message: busy });
  if (error instanceof Error && error.message.includes(POOL_WAIT_MESSAGE)) return new AppError('UNAVAILABLE', { message: POOL_BUSY });
  if (isConnectionLoss(error)) return new AppError('UNAVAILABLE');
  if (isDiskFull(error)) return new AppError('INSUFFICIENT_STORAGE');
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map(
      (v) => ({ ...v.params, code: v.keyword, message: v.message, path: v.instancePath.split('/').filter(Boolean) }) as unknown as z.core.$ZodIssue,
    );
    const prefix = (error as { validationContext?: string }).validationContext ?? '';
    return new AppError('VALIDATION', { details: toFieldIssues(issues, prefix === 'body' ? '' : prefix) });
  }
  const fastifyCode = (error as FastifyError).code;
  const mapped = fastifyCode ? fastifyCodes[fastifyCode] : undefined;
  if (mapped) return new AppError(mapped);
  if (error instanceof SyntaxError) return new AppError('BAD_JSON');
  const pgCode = (error as { code?: unknown }).code;
  const db = typeof pgCode === 'string' ? databaseCodes[pgCode] : undefined;
  if (db) return new AppError(db.code, { message: db.message });
  const status = (error as FastifyError).statusCode;
  if (status === 404) return new AppError('NOT_FOUND');
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (status !== undefined && status >= 400 && status < 500) return new AppError('VALIDATION');
  return undefined;
}

export function errorBody(error: AppError, requestId: string): ErrorBody {
  return {
    code: error.code,
    message: error.bilingual.it,
    messageEn: error.bilingual.en,
    requestId,
    ...(error.details ? { details: error.details } : {}),
    ...(error.data !== undefined ? { data: error.data } : {}),
  };
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const known = toAppError(error);
  if (!known) {
    // The body says nothing of internals; the log has them, under the request id.
    request.log.error({ err: error }, 'unhandled error');
    const internal = new AppError('INTERNAL');
    return reply.status(500).type('application/json').send(JSON.stringify(errorBody(internal, request.id)));
  }
  if (known.status >= 500) request.log.error({ err: error }, 'server error');
  const retryAfter = known.retryAfterSeconds ?? (known.code === 'UNAVAILABLE' ? 5 : undefined);
  if (retryAfter !== undefined) void reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
  // Readiness turns false: the operator (and the load balancer) learn of the full disk before the next user does.
  if (known.code === 'INSUFFICIENT_STORAGE' && 'runtime' in request.server) request.server.runtime.diskFullAtMs = clock.nowMs();
  return reply.status(known.status).type('application/json').send(JSON.stringify(errorBody(known, request.id)));
}
