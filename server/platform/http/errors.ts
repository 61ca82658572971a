/**
 * The one error type of the application. Services throw these; one handler (error-handler.ts)
 * maps them to HTTP with a message in the caller's language.
 */
export interface FieldError {
  field: string;
  /** A message key (see i18n.ts) or a ready message. */
  message: string;
  params?: Record<string, string | number>;
}

export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'csrf';

const STATUS: Record<ErrorCode, number> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  csrf: 403,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** Message key (see i18n.ts). */
    readonly messageKey: string,
    readonly fields: FieldError[] = [],
    readonly params: Record<string, string | number> = {},
    status?: number,
    /** Extra members of the error body (e.g. the suspected duplicates of a 409). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(messageKey);
    this.status = status ?? STATUS[code];
  }
}

export const errors = {
  validation: (fields: FieldError[], messageKey = 'error.validation') => new AppError('validation', messageKey, fields),
  field: (field: string, messageKey: string, params?: Record<string, string | number>) =>
    new AppError('validation', 'error.validation', [{ field, message: messageKey, params }]),
  unauthenticated: (messageKey = 'error.unauthenticated') => new AppError('unauthenticated', messageKey),
  forbidden: (messageKey = 'error.forbidden') => new AppError('forbidden', messageKey),
  notFound: () => new AppError('not_found', 'error.not_found'),
  staleVersion: () => new AppError('conflict', 'error.conflict_version', [{ field: 'version', message: 'error.conflict_version' }]),
  conflict: (messageKey: string, field?: string) =>
    new AppError('conflict', messageKey, field ? [{ field, message: messageKey }] : []),
  rateLimited: (messageKey = 'error.rate_limited', params: Record<string, string | number> = {}) =>
    new AppError('rate_limited', messageKey, [], params),
  csrf: () => new AppError('csrf', 'error.csrf'),
  passwordChangeRequired: () => new AppError('forbidden', 'error.password_change_required', [], {}, 403, { passwordChangeRequired: true }),
};
