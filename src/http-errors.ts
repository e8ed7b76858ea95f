import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, wantsHtml } from './accounts/http.js';
import { AppError, httpErrors } from './errors.js';
import type { SettingsService } from './settings/index.js';
import { errorPage } from './web/error-page.js';

/** The one place where errors become HTTP: `{error, message, field?}` for APIs, a page for browsers. */
export function installErrorHandling(app: FastifyInstance, settings: SettingsService): void {
  app.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.debug({ code: appError.code, message: appError.message }, 'request rejected');
    const retryAfter = appError.detail?.retryAfter;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(Math.ceil(retryAfter)));
    return send(request, reply, appError);
  });

  app.setNotFoundHandler(async (request, reply) => {
    return send(request, reply, httpErrors.raise('NOT_FOUND'));
  });

  async function send(request: FastifyRequest, reply: FastifyReply, error: AppError) {
    reply.code(error.status);
    if (wantsPage(request)) {
      const page = errorPage({
        status: error.status,
        message: error.message,
        settings: await settings.get(),
        viewer: request.viewer ?? null,
        csrf: csrfToken(request, reply),
      });
      return reply.type('text/html; charset=utf-8').send(page);
    }
    return reply.send({ error: error.code, message: error.message, ...(error.field ? { field: error.field } : {}), ...publicDetail(error) });
  }
}

function wantsPage(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return false;
  if (wantsHtml(request)) return true;
  // A browser form post that failed outside any form's own handling.
  return (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
}

function publicDetail(error: AppError): Record<string, unknown> {
  return error.detail && error.status < 500 ? error.detail : {};
}

export function toAppError(error: FastifyError | AppError): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const first = error.validation[0];
    const params = first?.params as Record<string, unknown> | undefined;
    const path = (first?.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const field = typeof params?.missingProperty === 'string' ? [path, params.missingProperty].filter(Boolean).join('.')
      : typeof params?.additionalProperty === 'string' ? params.additionalProperty : path || undefined;
    const message = field ? `${field} ${first?.message ?? 'is not valid'}` : `${error.validationContext ?? 'request'} ${first?.message ?? 'is not valid'}`;
    return httpErrors.raise('VALIDATION_FAILED', message, field);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return httpErrors.raise('BODY_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return httpErrors.raise('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return httpErrors.raise('INVALID_JSON');
  }
  if (error instanceof SyntaxError || error.statusCode === 400 && /JSON/i.test(error.message)) return httpErrors.raise('INVALID_JSON');
  if (error.statusCode === 429) return httpErrors.raise('RATE_LIMITED');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('BAD_REQUEST', error.statusCode, error.message);
  }
  return httpErrors.raise('INTERNAL');
}
