import { checkbox, csrfField, textArea, textField, type FormError } from '../web/admin/index.js';
import { html, type Html } from '../web/html.js';
import { creditText, pictureHtml } from './render.js';
import type { MediaItem, MediaOwner } from './types.js';

// Inline: the library is the only screen with a grid of images (the CSP allows inline styles).
export const LIBRARY_STYLE = html`<style>
.media-grid { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 1rem; }
.media-card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: .75rem; }
.media-card img { display: block; width: 100%; height: 10rem; object-fit: cover; border-radius: var(--radius); }
.media-card h2 { font-size: 1rem; margin: .5rem 0; overflow-wrap: anywhere; }
.media-card details { margin: .5rem 0; }
.media-removed { color: var(--muted); font-size: .85rem; }
</style>`;

export interface LibraryPageInput {
  items: MediaItem[];
  q: string;
  csrf: string;
  maxUploadMegabytes: number;
  /** A refused upload, edit or deletion, shown above the grid. */
  error?: FormError & { usedBy?: MediaOwner[]; itemId?: string };
  notice?: string;
}

function removedList(item: MediaItem): Html {
  return item.removedMetadata.length
    ? html`<p class="media-removed">Removed from every file: ${item.removedMetadata.join(', ')}.</p>`
    : html`<p class="media-removed">The upload carried no metadata.</p>`;
}

function card(item: MediaItem, input: LibraryPageInput): Html {
  const refused = input.error?.itemId === item.id ? input.error : undefined;
  return html`<li class="media-card" id="media-${item.id}">
  ${pictureHtml(item, { sizes: '15rem' })}
  <h2>${item.filename}</h2>
  <p class="muted">${item.width} × ${item.height} · ${item.usageCount === 1 ? 'used by 1 article' : `used by ${item.usageCount} articles`}${item.credit ? html` · ${creditText(item.credit)}` : ''}</p>
  <p><code>![${item.alt}](/media/${item.id})</code></p>
  ${removedList(item)}
  ${refused ? html`<div class="notice notice--error" role="alert"><p>${refused.message}</p>${refused.usedBy?.length ? html`<ul>${refused.usedBy.map((owner) => html`<li><a href="${owner.url}">${owner.title}</a></li>`)}</ul>` : ''}</div>` : ''}
  <details${refused ? html` open` : ''}><summary>Edit</summary>
    <form method="post" action="/admin/media/${item.id}">
      ${csrfField(input.csrf)}
      ${textField({ name: 'alt', id: `alt-${item.id}`, label: 'Alt text', value: item.alt, hint: 'What the image shows, for readers who cannot see it.' })}
      ${textArea({ name: 'caption', id: `caption-${item.id}`, label: 'Caption', value: item.caption, rows: 2 })}
      ${textField({ name: 'credit', id: `credit-${item.id}`, label: 'Credit', value: item.credit, hint: 'Shown as “Photo: …”.' })}
      ${checkbox({ name: 'decorative', label: 'Decorative (no alt text needed)', checked: item.decorative })}
      <button type="submit">Save</button>
    </form>
    <form method="post" action="/admin/media/${item.id}/delete">${csrfField(input.csrf)}<button type="submit" class="button--danger">Delete</button></form>
  </details>
</li>`;
}

/** /admin/media: search, upload, and every image with its details, usage and what was removed from it. */
export function libraryPage(input: LibraryPageInput): Html {
  const uploadError = input.error && !input.error.itemId ? input.error : undefined;
  return html`<h1>Media</h1>
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ''}
<form method="get" action="/admin/media" class="search-form" role="search">
  <label for="media-q" class="visually-hidden">Search images</label>
  <input type="search" id="media-q" name="q" value="${input.q}" placeholder="File name, alt text or caption">
  <button type="submit">Search</button>
</form>
<section class="card" aria-labelledby="upload-heading">
  <h2 id="upload-heading">Upload an image</h2>
  ${uploadError ? html`<p class="notice notice--error" role="alert">${uploadError.message}</p>` : ''}
  <form method="post" action="/admin/media" enctype="multipart/form-data">
    <div class="field"><label for="media-file">Image file</label>
      <input type="file" id="media-file" name="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" required>
      <p class="hint">JPEG, PNG, WebP, AVIF or GIF, up to ${input.maxUploadMegabytes} MB. Location, camera and author details are removed.</p></div>
    ${textField({ name: 'alt', id: 'upload-alt', label: 'Alt text', value: '' })}
    ${textField({ name: 'caption', id: 'upload-caption', label: 'Caption', value: '' })}
    ${textField({ name: 'credit', id: 'upload-credit', label: 'Credit', value: '' })}
    ${checkbox({ name: 'decorative', label: 'Decorative', checked: false })}
    <button type="submit">Upload</button>
  </form>
</section>
${input.items.length ? html`<ul class="media-grid">${input.items.map((item) => card(item, input))}</ul>` : html`<p>${input.q ? 'No image matches.' : 'No images yet.'}</p>`}`;
}
