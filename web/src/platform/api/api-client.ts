import type { ErrorBody } from '../../../../src/platform/http/error.schemas.ts';

/** A failed API call: the HTTP status and, when the server sent one, its ErrorBody. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody | null;

  constructor(status: number, body: ErrorBody | null) {
    super(body?.messageEn ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  get code(): string | undefined {
    return this.body?.code;
  }
}

/** Network failure (server unreachable): distinct so the UI can say so. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network error', { cause });
    this.name = 'NetworkError';
  }
}

type SessionHandlers = {
  /** `code`: the server's reason, e.g. SESSION_ENDED after too many wrong passwords. */
  onUnauthorized: (code: string | undefined) => void;
  onLocked: () => void;
};

let csrfToken: string | null = null;
let handlers: SessionHandlers = { onUnauthorized: () => {}, onLocked: () => {} };

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The auth provider registers what a 401 (back to login) and a 423 (lock screen) do. */
export function setSessionHandlers(next: SessionHandlers): void {
  handlers = next;
}

export type RequestOptions = {
  /** Why the user is looking at personal data; sent as `x-trama-purpose`, logged by the server. */
  purpose?: string | undefined;
  /** Skip the global 401/423 handling (login, me, unlock handle those statuses themselves). */
  silentAuth?: boolean;
  signal?: AbortSignal;
};

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { message?: unknown }).message === 'string' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}

async function request<T>(method: string, path: string, body: unknown, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body (a file upload) is sent as multipart/form-data with the boundary the browser sets.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const purpose = options.purpose?.trim();
  // Percent-encoded: header values must be Latin-1, and the server decodes the header.
  if (purpose) headers['x-trama-purpose'] = encodeURIComponent(purpose);

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : isForm ? body : JSON.stringify(body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }

  return settle(response.status, await response.text(), options) as T;
}

/** The body of a finished response as T, or the ApiError it carries (401 and 423 also reach the session handlers). */
function settle(status: number, text: string, options: RequestOptions): unknown {
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (status < 200 || status >= 300) {
    const error = new ApiError(status, isErrorBody(data) ? data : null);
    if (!options.silentAuth) {
      if (status === 401) handlers.onUnauthorized(error.code);
      if (status === 423) handlers.onLocked();
    }
    throw error;
  }
  return data;
}

/**
 * POSTs a file's content (e.g. a CSV) with upload progress, which fetch cannot report: `onProgress`
 * receives the fraction sent, from 0 to 1.
 */
export function upload<T>(path: string, body: Blob, onProgress: (fraction: number) => void, options: RequestOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', body.type || 'text/plain');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      onProgress(1);
      try {
        resolve(settle(xhr.status, xhr.responseText, options) as T);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    xhr.onerror = () => { reject(new NetworkError(new Error('upload failed'))); };
    xhr.onabort = () => { reject(new DOMException('Aborted', 'AbortError')); };
    options.signal?.addEventListener('abort', () => { xhr.abort(); });
    xhr.send(body);
  });
}

export const api = {
  get: <T>(path: string, options: RequestOptions = {}) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options: RequestOptions = {}) =>
    request<T>('POST', path, body ?? {}, options),
  /** Sends a form with files as multipart/form-data. */
  postForm: <T>(path: string, form: FormData, options: RequestOptions = {}) => request<T>('POST', path, form, options),
  put: <T>(path: string, body: unknown, options: RequestOptions = {}) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body: unknown, options: RequestOptions = {}) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options: RequestOptions = {}) => request<T>('DELETE', path, undefined, options),
};
