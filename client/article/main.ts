// Click-to-load video: the page shows a link; only a click fetches the player from the video host.

const ALLOWED_PLAYER_HOSTS = new Set(['www.youtube-nocookie.com', 'player.vimeo.com', 'rumble.com']);

/** "Video: HEADLINE" from the server: the placeholder's own text ("Play video…") says nothing of what plays. */
const title = (link: HTMLAnchorElement) => link.dataset.title || 'Video';

function player(link: HTMLAnchorElement): HTMLElement | null {
  const source = link.dataset.embed;
  if (!source) return null;
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && link.dataset.kind !== 'file') return null;
  if (link.dataset.kind === 'file') {
    const video = document.createElement('video');
    video.src = url.href;
    video.controls = true;
    video.autoplay = true;
    video.className = 'video-frame';
    video.setAttribute('aria-label', title(link));
    return video;
  }
  if (!ALLOWED_PLAYER_HOSTS.has(url.hostname)) return null;
  const frame = document.createElement('iframe');
  frame.src = url.href;
  frame.className = 'video-frame';
  frame.title = title(link);
  frame.allow = 'autoplay; encrypted-media; fullscreen; picture-in-picture';
  frame.allowFullscreen = true;
  frame.referrerPolicy = 'strict-origin-when-cross-origin';
  return frame;
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element | null)?.closest?.('a.video-placeholder');
  if (!(link instanceof HTMLAnchorElement)) return;
  const element = player(link);
  if (!element) return;
  event.preventDefault();
  link.replaceWith(element);
  element.focus();
});
