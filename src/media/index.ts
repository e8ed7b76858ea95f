import type { FastifyPluginAsync } from 'fastify';
import { mediaRoutes } from './routes.js';
import type { MediaDeps } from './types.js';

// The media domain's public face: the articles domain and the WordPress importer use these.
export { storeUpload, findMedia, setMediaUsage, deleteMedia, editMedia, searchMedia, mediaUsers, uploadLimits } from './service.js';
export {
  pictureHtml, figureHtml, mediaUrl, originalUrl, expandMediaImages, mediaIdOf, mediaReference, mediaIdsInMarkdown, markdownImages, creditText, ARTICLE_SIZES,
  type PictureOptions,
} from './render.js';
export { assertImagesDescribed } from './publish-check.js';
export { mediaSettingsSection } from './settings-section.js';
export { mediaErrors } from './errors.js';
export { WIDTHS, FORMATS } from './process.js';
export type { MediaItem, MediaOwner, MediaFile, UploadInput, MediaDeps } from './types.js';

export function mediaPlugin(deps: MediaDeps): FastifyPluginAsync {
  return mediaRoutes(deps);
}
