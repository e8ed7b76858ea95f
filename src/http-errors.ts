import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, wantsHtml } from './accounts/index.js';
import { drainLimitsFor, drainRequest } from './drain-body.js';
import { AppError, defineErrors, httpErrors } from './errors.js';
import type { SettingsService } from './settings/index.js';
import { errorPage } from './web/error-page.js';
import { isFormPost } from './web/form-post.js';

const frameworkErrors = defineErrors({
  BAD_URL: { status: 400, message: 'The address is not valid (a broken percent-encoding).' },
  URL_PART_TOO_LONG: { status: 414, message: 'A part of the address is too long.' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive.' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large.' },
  MALFORMED_REQUEST: { status: 400, message: 'The request is not valid HTTP.' },
});

/**
 * Fastify answers some failures before any route or error handler runs (a URL it cannot decode, a
 * path parameter over the router's limit, HTTP it cannot parse), each in its own JSON format. These
 * options make those answers `{error, message}` too. Pass them to `Fastify()`.
 */
export const fastifyErrorOptions = {
  frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
    const failure = error.code === 'FST_ERR_BAD_URL' ? frameworkErrors.raise('BAD_URL')
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? frameworkErrors.raise('URL_PART_TOO_LONG')
        : httpErrors.raise('INTERNAL');
    // No hooks ran (no cookies, no session), so this is plain JSON rather than the site's error page.
    void reply.code(failure.status).type('application/json; charset=utf-8').send({ error: failure.code, message: failure.message });
  },
  clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const failure = frameworkErrors.raise(error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : error.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'MALFORMED_REQUEST');
    const body = JSON.stringify({ error: failure.code, message: failure.message });
    if (socket.writable) {
      socket.write(`HTTP/1.1 ${failure.status} ${failure.code}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    }
    socket.destroy(error);
  },
};

/** The one place where errors become HTTP: `{error, message, field?}` for APIs, a page for browsers. */
export function installErrorHandling(app: FastifyInstance, settings: SettingsService): void {
  const drainLimits = drainLimitsFor(app.initialConfig.bodyLimit ?? 1_048_576);
  app.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
    // Fastify stopped reading mid-body; answering now would close on unread bytes, which resets the connection.
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') await drainRequest(request.raw, drainLimits);
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
  return isFormPost(request);
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
