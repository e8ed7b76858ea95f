import fastifyCors from '@fastify/cors';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { SettingsService } from '../settings/index.js';
import { isEmbedPath } from './embed-paths.js';

/**
 * CORS for the embeddable widget: only origins listed in `comments.embedOrigins`, with credentials
 * (so a guest keeps their cookie), and only on the widget's own routes (`isEmbedPath`). Unlisted origins get no
 * CORS headers at all, so browsers keep their pages from reading or writing through the API.
 */
export const embedCors = fp<{ settings: SettingsService }>(async (app, { settings }) => {
  await app.register(fastifyCors, {
    delegator: (request: FastifyRequest, callback) => {
      const origin = request.headers.origin;
      if (!origin || !isEmbedPath(request.url)) return callback(null, { origin: false });
      settings.get().then(
        (current) => {
          const allowed = current.comments.embedOrigins.includes(origin);
          callback(null, allowed
            ? { origin, credentials: true, methods: ['GET', 'POST', 'PATCH', 'DELETE'], allowedHeaders: ['content-type', 'x-csrf-token'], maxAge: 600 }
            : { origin: false });
        },
        (error: Error) => callback(error, { origin: false }),
      );
    },
  });
}, { name: 'tribune-embed-cors' });
