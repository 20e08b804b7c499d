import type { FastifySchemaCompiler } from 'fastify';
import { AppError } from './errors.ts';

/** The path of the first string holding a NUL character (U+0000), if any: PostgreSQL cannot store one in text. */
export function findNul(value: unknown, path: readonly string[] = []): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? [...path] : undefined;
  if (ArrayBuffer.isView(value)) return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, [...path, String(index)]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = key.includes('\u0000') ? [...path, key] : findNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Wraps the schema validator of every route: a NUL character anywhere in the body, the query or the path is
 * refused with a 400 naming the field, before the schema and long before PostgreSQL (which would answer 22021).
 */
export function refusingNul<S>(compile: FastifySchemaCompiler<S>): FastifySchemaCompiler<S> {
  return (route) => {
    const validate = compile(route);
    return (data: unknown) => {
      const found = findNul(data);
      if (!found) return validate(data);
      const prefix = route.httpPart === 'body' || !route.httpPart ? [] : [route.httpPart];
      const error = new AppError('VALIDATION', {
        details: [
          {
            path: [...prefix, ...found].join('.'),
            message: 'Il testo contiene un carattere nullo (U+0000), che non è ammesso: toglierlo e riprovare.',
            messageEn: 'The text holds a null character (U+0000), which is not allowed: remove it and try again.',
          },
        ],
      });
      return { error };
    };
  };
}
