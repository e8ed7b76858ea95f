import { expandMediaImages, findMedia, mediaIdOf, mediaIdsInMarkdown, type MediaItem } from '../media/index.js';
import type { Deps } from '../runtime.js';
import { renderBody } from './rendering.js';

/** The library images an article shows: its featured image (`/media/ID`), then those its body names. */
export function articleMediaIds(featuredImageUrl: string | null, body: string): string[] {
  const featured = mediaIdOf(featuredImageUrl);
  return [...(featured ? [featured] : []), ...mediaIdsInMarkdown(body)];
}

/** An article's or page's body as HTML with its library images drawn as <picture>, and its featured library image. */
export async function renderWithMedia(
  deps: Pick<Deps, 'db'>,
  article: { featuredImageUrl: string | null; body: string },
): Promise<{ bodyHtml: string; featuredMedia: MediaItem | undefined }> {
  const media = await findMedia(deps, articleMediaIds(article.featuredImageUrl, article.body));
  return { bodyHtml: expandMediaImages(renderBody(article.body), media), featuredMedia: media.get(mediaIdOf(article.featuredImageUrl) ?? '') };
}
