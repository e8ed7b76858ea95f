import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { csrfToken, requireRole } from '../accounts/index.js';
import { AppError } from '../errors.js';
import { adminPage } from '../web/admin-layout.js';
import { assetUrl } from '../web/assets.js';
import { html } from '../web/html.js';
import { logResponse } from './contract.js';
import { LOG_ACTIONS, logActors, moderationLog, moderationLogCsv, type LogQuery } from './log.js';
import { logPage } from './pages/log-page.js';
import type { QueueDeps } from './types.js';

const day = { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' } as const;

export const logQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    actor: { type: 'string', pattern: '^(system|[0-9a-z]{1,64})?$' },
    reader: { type: 'string', maxLength: 100 },
    action: { type: 'string', enum: ['', ...LOG_ACTIONS] },
    reason: { type: 'string', maxLength: 200 },
    from: day,
    to: day,
    cursor: { type: 'string', pattern: '^[0-9a-z]{1,64}$' },
  },
} as const;

/** Empty form fields mean "any" (the form's "any action" is ''). */
function clean(query: FromSchema<typeof logQuerySchema>): LogQuery {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => typeof value === 'string' && value !== '')) as LogQuery;
}

/**
 * The site-wide moderation log: `/admin/moderation/log` (filters, pages), `.csv` (the same filters, every
 * row) and `/api/admin/moderation/log` (JSON). Moderators and admins only, like the queue.
 */
export const moderationLogRoutes: FastifyPluginAsync<QueueDeps> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  app.addHook('preHandler', requireRole('moderator'));

  app.get('/admin/moderation/log', { schema: { querystring: logQuerySchema } }, async (request, reply) => {
    const query = clean(request.query);
    const settings = await deps.settings.get();
    const actors = await logActors(deps);
    let body;
    let status = 200;
    try {
      body = logPage({ ...(await moderationLog(deps, query)), query, actors, site: settings.site });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      status = error.status;
      body = logPage({ entries: [], nextCursor: null, query, actors, site: settings.site, error: error.message });
    }
    const head = html`<link rel="stylesheet" href="${assetUrl('moderation.css')}">`;
    const page = adminPage({ title: 'Moderation log', section: 'moderation', settings, viewer: request.viewer, csrf: csrfToken(request, reply), head, body, bodyClass: 'moderation' });
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page.value);
  });

  app.get('/api/admin/moderation/log', { schema: { querystring: logQuerySchema, response: { 200: logResponse } } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return moderationLog(deps, clean(request.query));
  });

  app.get('/admin/moderation/log.csv', { schema: { querystring: logQuerySchema } }, async (request, reply) => {
    const query = clean(request.query);
    const lines = moderationLogCsv(deps, query);
    // The first line proves the filters are valid before any header is sent.
    const first = await lines.next();
    const day = deps.now().toISOString().slice(0, 10);
    async function* all() {
      if (!first.done) yield first.value;
      yield* lines;
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="moderation-log-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(all()));
  });
};
