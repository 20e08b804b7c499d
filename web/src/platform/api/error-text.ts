import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from './api-client.ts';

function isEnglish(language: string): boolean {
  return language.toLowerCase().startsWith('en');
}

/** The message to show for any failure, in the current language. */
export function errorText(error: unknown, t: TFunction, language: string): string {
  if (error instanceof ApiError) {
    if (error.body) return isEnglish(language) ? error.body.messageEn : error.body.message;
    if (error.status === 403) return t('errors.forbidden');
    if (error.status === 404) return t('errors.notFound');
    return t('errors.http', { status: error.status });
  }
  if (error instanceof NetworkError) return t('errors.network');
  return t('errors.unexpected');
}

export type FieldErrors = Record<string, string>;

/**
 * Per-field messages from an ErrorBody's `details`, keyed by path without the envelope prefix
 * (`person.residence.address` → `residence.address`), so a form finds its own fields.
 */
export function fieldErrorsOf(error: unknown, language: string, stripPrefix?: string): FieldErrors {
  const result: FieldErrors = {};
  if (!(error instanceof ApiError) || !error.body?.details) return result;
  for (const detail of error.body.details) {
    let path = detail.path.replace(/^\//, '').replaceAll('/', '.');
    if (stripPrefix && path.startsWith(`${stripPrefix}.`)) path = path.slice(stripPrefix.length + 1);
    if (!(path in result)) result[path] = isEnglish(language) ? detail.messageEn : detail.message;
  }
  return result;
}
