import { mediaErrors } from './errors.js';
import { markdownImages, mediaIdOf } from './render.js';
import { findMedia } from './service.js';
import type { MediaReadDeps } from './types.js';

/**
 * Publishing needs every library image described: the featured image by its own alt field or the
 * library's, body images by their Markdown alt or the library's; a decorative image needs none.
 */
export async function assertImagesDescribed(deps: MediaReadDeps, article: { featuredImageUrl: string | null; featuredImageAlt: string | null; body: string }): Promise<void> {
  const featuredId = mediaIdOf(article.featuredImageUrl);
  const inBody = markdownImages(article.body);
  const items = await findMedia(deps, [...(featuredId ? [featuredId] : []), ...inBody.map((image) => image.id)]);
  const featured = featuredId ? items.get(featuredId) : undefined;
  if (featured && !featured.decorative && !article.featuredImageAlt?.trim() && !featured.alt) {
    throw mediaErrors.raise('MEDIA_ALT_REQUIRED', 'Describe the featured image (alt text), or mark it decorative in the media library.', 'featuredImageAlt');
  }
  const missing = inBody.filter((image) => {
    const item = items.get(image.id);
    return item && !item.decorative && !image.alt && !item.alt;
  });
  if (missing.length > 0) {
    throw mediaErrors.raise('MEDIA_ALT_REQUIRED', `${missing.length === 1 ? 'An image' : `${missing.length} images`} in the body ${missing.length === 1 ? 'has' : 'have'} no alt text: write it between the brackets of ![…](/media/…), or mark the image decorative.`, 'body');
  }
}
