import { parseVideoUrl } from './video.js';
import { html, type Html } from '../web/html.js';

/**
 * A video as a link until the reader asks for it: no request reaches the video host before the click.
 * `client/article` swaps in the player on click, named after the article (`data-title`), for screen
 * readers moving between frames; without JavaScript the link opens the video itself.
 */
export function videoPlaceholder(videoUrl: string, poster: { url: string | null; alt: string | null }, title: string): Html {
  const video = parseVideoUrl(videoUrl);
  if (!video) return html``;
  const hostNote = video.kind === 'file' ? `Plays the video file from ${video.provider}.` : `Loads the ${video.provider} player; ${video.provider} may set cookies.`;
  return html`<figure class="article__video">
    <a class="video-placeholder" href="${video.url}" rel="noopener"${video.embedUrl ? html` data-embed="${video.embedUrl}" data-kind="${video.kind === 'file' ? 'file' : 'iframe'}" data-title="Video: ${title}"` : ''}>
      ${poster.url ? html`<img class="video-placeholder__poster" src="${poster.url}" alt="${poster.alt ?? ''}" decoding="async">` : ''}
      <span class="video-placeholder__play" aria-hidden="true"></span>
      <span class="video-placeholder__label">${video.embedUrl ? 'Play video' : `Watch on ${video.provider}`}<small>${video.embedUrl ? hostNote : 'Opens the video on its own site.'}</small></span>
    </a>
  </figure>`;
}
