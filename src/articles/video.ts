import { articleErrors } from './errors.js';
import { isHttpUrl } from './validate.js';

export type VideoKind = 'youtube' | 'vimeo' | 'rumble' | 'file';

export interface Video {
  kind: VideoKind;
  /** The address a reader opens without JavaScript. */
  url: string;
  /** What replaces the placeholder after the click: a player page for an iframe, or the file for <video>. */
  embedUrl: string | null;
  provider: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{6,20}$/;

/**
 * Recognises a video link. YouTube embeds go through youtube-nocookie.com; a Rumble page link has no
 * derivable player address, so it stays a plain link unless the editor pastes the `/embed/` address.
 */
export function parseVideoUrl(text: string): Video | null {
  if (!isHttpUrl(text)) return null;
  const url = new URL(text);
  const host = url.hostname.replace(/^(www\.|m\.)/, '');
  const parts = url.pathname.split('/').filter(Boolean);
  if (host === 'youtube.com' || host === 'youtube-nocookie.com' || host === 'youtu.be') {
    const id = host === 'youtu.be' ? parts[0]
      : parts[0] === 'watch' ? url.searchParams.get('v')
      : ['embed', 'shorts', 'live', 'v'].includes(parts[0] ?? '') ? parts[1] : undefined;
    if (!id || !YOUTUBE_ID.test(id)) return null;
    return { kind: 'youtube', url: text, provider: 'YouTube', embedUrl: `https://www.youtube-nocookie.com/embed/${id}?autoplay=1` };
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = parts.find((part) => /^\d{3,15}$/.test(part));
    if (!id) return null;
    return { kind: 'vimeo', url: text, provider: 'Vimeo', embedUrl: `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1` };
  }
  if (host === 'rumble.com') {
    const embed = parts[0] === 'embed' && parts[1] && /^[A-Za-z0-9]+$/.test(parts[1]) ? `https://rumble.com/embed/${parts[1]}/?autoplay=2` : null;
    return { kind: 'rumble', url: text, provider: 'Rumble', embedUrl: embed };
  }
  if (/\.(mp4|m4v|webm)$/i.test(url.pathname)) {
    return { kind: 'file', url: text, provider: url.hostname, embedUrl: text };
  }
  return null;
}

export function assertVideoUrl(value: string | null | undefined, field = 'videoUrl'): string | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  if (!isHttpUrl(text)) throw articleErrors.raise('URL_INVALID', undefined, field);
  if (!parseVideoUrl(text)) throw articleErrors.raise('VIDEO_URL_UNSUPPORTED', undefined, field);
  return text;
}
