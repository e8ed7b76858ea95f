import fastifyMultipart from '@fastify/multipart';
import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { requireRole } from '../accounts/index.js';
import { AppError } from '../errors.js';
import { mediaEditBody, mediaFileParams, mediaIdParams, mediaItemResponse, mediaListQuery, mediaListResponse } from './contract.js';
import { mediaErrors } from './errors.js';
import { CONTENT_TYPES, tooLarge } from './process.js';
import { mediaUrl, mediaReference } from './render.js';
import { deleteMedia, editMedia, mediaStores, requireMedia, searchMedia, storeUpload, uploadLimits } from './service.js';
import type { MediaDeps, MediaItem, UploadInput } from './types.js';
import { mediaLibraryRoutes } from './library-routes.js';

const EDITORS = requireRole('admin', 'editor');
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The item as the editor's browser code and API clients see it (mediaItemResponse). */
export function itemView(item: MediaItem) {
  return {
    id: item.id,
    reference: mediaReference(item.id),
    filename: item.filename,
    width: item.width,
    height: item.height,
    alt: item.alt,
    caption: item.caption,
    credit: item.credit,
    decorative: item.decorative,
    removedMetadata: item.removedMetadata,
    files: item.files.map((file) => ({ ...file, url: `/media/${item.id}/${file.name}` })),
    previewUrl: mediaUrl(item, 320, 'jpeg'),
    usageCount: item.usageCount,
    createdAt: item.createdAt,
  };
}

/**
 * One multipart upload: the file (streamed, cut off past the site's limit) and its text fields. The
 * limit is read per request, so a changed setting applies at once.
 */
export async function readUpload(deps: MediaDeps, request: FastifyRequest): Promise<UploadInput> {
  const { maxBytes } = await uploadLimits(deps);
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; filename: string } | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 4000 } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file' && !file) file = { bytes, filename: part.filename };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    if (error instanceof AppError) throw error;
    throw mediaErrors.raise('MEDIA_NO_FILE', 'The upload was not a complete multipart form with one file field named "file".');
  }
  if (!file || file.bytes.length === 0) throw mediaErrors.raise('MEDIA_NO_FILE', undefined, 'file');
  return {
    bytes: file.bytes,
    filename: file.filename,
    alt: fields.alt,
    caption: fields.caption,
    credit: fields.credit,
    decorative: fields.decorative === '1' || fields.decorative === 'true' || fields.decorative === 'on',
    uploadedBy: request.viewer?.id ?? null,
  };
}

/** `/media/…` for everyone; `/api/admin/media` and `/admin/media` for editors. */
export function mediaRoutes(deps: MediaDeps): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
    // Multipart only inside this plugin: nowhere else accepts it. Sizes are checked per request.
    await app.register(fastifyMultipart, { limits: { files: 1, fields: 10, parts: 12, fieldSize: 4000 } });

    // The stable name articles use: sends to the JPEG Open Graph uses, so a plain <img src> works too.
    app.get('/media/:id', { schema: { params: mediaIdParams } }, async (request, reply) => {
      const item = await requireMedia(deps, request.params.id);
      return reply.header('cache-control', 'public, max-age=300').redirect(mediaUrl(item, 1200, 'jpeg'), 302);
    });

    app.get('/media/:id/:file', { schema: { params: mediaFileParams } }, async (request, reply) => {
      const { id, file: name } = request.params;
      const item = /^[a-z0-9]{10,40}$/.test(id) ? (await requireMedia(deps, id).catch(() => undefined)) : undefined;
      const file = item?.files.find((candidate) => candidate.name === name);
      if (!item || !file) throw mediaErrors.raise('MEDIA_NOT_FOUND');
      // The name carries the content hash: the same URL is always the same bytes.
      const etag = `"${item.id}-${file.name}"`;
      reply.header('cache-control', IMMUTABLE).header('etag', etag).header('x-content-type-options', 'nosniff');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      const bytes = await mediaStores(deps).of(item.store).get(`${item.id}/${file.name}`);
      if (!bytes) throw mediaErrors.raise('MEDIA_NOT_FOUND');
      return reply.type(CONTENT_TYPES[file.format]).send(bytes);
    });

    await app.register(async (api) => {
      const typed = api.withTypeProvider<JsonSchemaToTsProvider>();
      typed.addHook('preHandler', EDITORS);
      typed.post('/api/admin/media', { schema: { response: { 201: mediaItemResponse } } }, async (request, reply) => {
        const item = await storeUpload(deps, await readUpload(deps, request));
        return reply.code(201).send(itemView(item));
      });
      typed.get('/api/admin/media', { schema: { querystring: mediaListQuery, response: { 200: mediaListResponse } } }, async (request) => ({
        items: (await searchMedia(deps, request.query.q ?? '', request.query.page)).map(itemView),
      }));
      typed.get('/api/admin/media/:id', { schema: { params: mediaIdParams, response: { 200: mediaItemResponse } } }, async (request) =>
        itemView(await requireMedia(deps, request.params.id)));
      typed.patch('/api/admin/media/:id', { schema: { params: mediaIdParams, body: mediaEditBody, response: { 200: mediaItemResponse } } }, async (request) =>
        itemView(await editMedia(deps, request.params.id, request.body)));
      typed.delete('/api/admin/media/:id', { schema: { params: mediaIdParams } }, async (request, reply) => {
        await deleteMedia(deps, request.params.id);
        return reply.code(204).send();
      });
    });

    await app.register(mediaLibraryRoutes(deps));
  };
}
