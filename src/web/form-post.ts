import type { FastifyRequest } from 'fastify';

/**
 * A browser's form submission. Only these get a refused form drawn again as HTML; the same route
 * called with JSON answers `{error, message}` like any API.
 */
export function isFormPost(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
}
