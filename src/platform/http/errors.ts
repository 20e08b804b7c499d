/** A message in the two languages every user-facing text has: Italian first, English second. */
export interface Bilingual {
  it: string;
  en: string;
}

export const errorCodes = {
  VALIDATION: 400,
  BAD_JSON: 400,
  UNAUTHENTICATED: 401,
  SESSION_ENDED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_CANDIDATES: 409,
  VERSION_CONFLICT: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LOCKED: 423,
  THROTTLED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  BUSY: 503,
  INSUFFICIENT_STORAGE: 507,
} as const;
export type ErrorCode = keyof typeof errorCodes;

const defaultMessages: Record<ErrorCode, Bilingual> = {
  VALIDATION: { it: 'Alcuni dati non sono validi: correggere i campi indicati.', en: 'Some data is not valid: fix the fields shown.' },
  BAD_JSON: { it: 'La richiesta non è un JSON valido.', en: 'The request is not valid JSON.' },
  UNAUTHENTICATED: { it: 'Accesso richiesto: effettuare il login.', en: 'Login required.' },
  SESSION_ENDED: {
    it: 'Troppe password errate: la sessione è stata chiusa per sicurezza. Accedi di nuovo.',
    en: 'Too many wrong passwords: the session was ended for safety. Sign in again.',
  },
  FORBIDDEN: { it: 'Non si dispone dei permessi per questa operazione.', en: 'You do not have permission for this operation.' },
  PASSWORD_CHANGE_REQUIRED: {
    it: 'La password è stata impostata dall’amministratore: cambiala prima di continuare.',
    en: 'Your password was set by the administrator: change it before going on.',
  },
  CSRF: {
    it: 'Richiesta rifiutata per sicurezza (token CSRF mancante o errato): ricaricare la pagina.',
    en: 'Request refused for security (missing or wrong CSRF token): reload the page.',
  },
  NOT_FOUND: { it: 'Elemento non trovato.', en: 'Not found.' },
  CONFLICT: { it: 'Il dato esiste già.', en: 'This already exists.' },
  DUPLICATE_CANDIDATES: {
    it: 'Esistono persone simili già registrate: verificare e confermare che si tratta di una persona diversa.',
    en: 'Similar persons are already registered: check them and confirm this is a different person.',
  },
  VERSION_CONFLICT: {
    it: 'Qualcun altro ha salvato questi dati nel frattempo: ricaricare la versione attuale prima di modificare.',
    en: 'Someone else saved this data meanwhile: reload the current version before editing.',
  },
  PAYLOAD_TOO_LARGE: { it: 'La richiesta è troppo grande.', en: 'The request is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { it: 'Formato della richiesta non supportato: usare JSON.', en: 'Unsupported request format: use JSON.' },
  LOCKED: {
    it: 'Sessione bloccata per inattività: inserire di nuovo la password.',
    en: 'Session locked after inactivity: enter your password again.',
  },
  THROTTLED: {
    it: 'Troppi tentativi falliti: riprovare tra qualche minuto.',
    en: 'Too many failed attempts: try again in a few minutes.',
  },
  INTERNAL: {
    it: 'Errore interno: riprovare; se persiste, comunicare il codice della richiesta all’assistenza.',
    en: 'Internal error: try again; if it persists, give the request id to support.',
  },
  UNAVAILABLE: {
    it: 'Il servizio non è raggiungibile in questo momento (il database non risponde): riprovare tra qualche istante.',
    en: 'The service cannot be reached right now (the database does not answer): try again in a moment.',
  },
  BUSY: {
    it: 'Troppi accessi in corso in questo momento: riprova tra qualche secondo.',
    en: 'Too many sign-ins under way right now: try again in a few seconds.',
  },
  INSUFFICIENT_STORAGE: {
    it: 'Il server non ha più spazio su disco: i dati non sono stati salvati. Avvisare l’amministratore di sistema.',
    en: 'The server has run out of disk space: the data was not saved. Tell the system administrator.',
  },
};

export interface FieldIssue {
  path: string;
  message: string;
  messageEn: string;
}

/** A domain error: a code from the one status map, an optional specific message, details and data. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly bilingual: Bilingual;
  readonly details: FieldIssue[] | undefined;
  readonly data: unknown;
  /** Sent as the Retry-After header (seconds): when trying again makes sense. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, options: { message?: Bilingual; details?: FieldIssue[]; data?: unknown; retryAfterSeconds?: number } = {}) {
    const bilingual = options.message ?? defaultMessages[code];
    super(bilingual.en);
    this.code = code;
    this.bilingual = bilingual;
    this.details = options.details;
    this.data = options.data;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

export const notFound = (what?: Bilingual) => new AppError('NOT_FOUND', what ? { message: what } : {});
export const forbidden = () => new AppError('FORBIDDEN');
export const invalid = (path: string, message: Bilingual) =>
  new AppError('VALIDATION', { details: [{ path, message: message.it, messageEn: message.en }] });
