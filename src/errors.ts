/** One failure the client caused or may act on, mapped to HTTP only in app.ts's error handler. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** The request field at fault, where there is one. */
    readonly field?: string,
    /** Extra machine-readable detail (e.g. `retryAfter`, `limit`). */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorSpec {
  status: number;
  message: string;
}

/**
 * A domain's registry of error codes. `raise` builds the error; callers may sharpen the message.
 * Codes are global and never reused (error-codes.test.ts checks that no two registries share one).
 */
export function defineErrors<const T extends Record<string, ErrorSpec>>(specs: T) {
  registries.push(specs);
  return {
    specs,
    raise(code: keyof T & string, message?: string, field?: string, detail?: Record<string, unknown>): AppError {
      const spec = specs[code];
      return new AppError(code, spec.status, message ?? spec.message, field, detail);
    },
  };
}

export const registries: Record<string, ErrorSpec>[] = [];

export const httpErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  INVALID_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not accepted here.' },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  NOT_FOUND: { status: 404, message: 'Nothing here.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This method is not allowed here.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again later.' },
  CSRF_INVALID: { status: 403, message: 'The form expired or came from another site; reload the page and try again.' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in first.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
});
