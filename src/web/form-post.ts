import type { FastifyRequest } from 'fastify';

/**
 * A browser's form submission. Only these get a refused form drawn again as HTML; the same route
 * called with JSON answers `{error, message}` like any API.
 */
export function isFormPost(request: FastifyRequest): boolean {
  const type = request.headers['content-type'] ?? '';
  // A form with a file input posts multipart (the media library's upload).
  return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
}

/** A script's JSON call to a route that also takes forms: it gets JSON answers, never a redirect. */
export function isJsonPost(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').startsWith('application/json');
}
