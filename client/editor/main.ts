// The article editor's enhancements: body preview, image uploads, and a warning before losing changes.

import { enhanceBodyImages } from './body-images.js';
import { enhanceFeaturedImage } from './featured-image.js';
import { enhancePreview } from './preview.js';

const body = document.querySelector<HTMLTextAreaElement>('textarea[data-preview-target]');
const button = document.querySelector<HTMLButtonElement>('[data-preview-button]');
const pane = body ? document.getElementById(body.dataset.previewTarget ?? '') : null;
if (button && body && pane) enhancePreview(button, body, pane);

const bodyUpload = document.querySelector<HTMLElement>('[data-image-upload="body"]');
if (body && bodyUpload) enhanceBodyImages(body, bodyUpload);

const featuredUpload = document.querySelector<HTMLElement>('[data-image-upload="featured"]');
const featuredUrl = document.querySelector<HTMLInputElement>('input[name="featuredImageUrl"]');
const featuredAlt = document.querySelector<HTMLInputElement>('input[name="featuredImageAlt"]');
if (featuredUpload && featuredUrl && featuredAlt) enhanceFeaturedImage(featuredUrl, featuredAlt, featuredUpload);
// The hints' "drop, paste or choose" words, true only now.
for (const words of document.querySelectorAll<HTMLElement>('[data-image-upload-only]')) words.hidden = false;

// Leaving with unsaved changes asks first; submitting the form does not.
const form = document.querySelector<HTMLFormElement>('form.editor');
if (form) {
  let dirty = false;
  form.addEventListener('input', () => {
    dirty = true;
  });
  form.addEventListener('submit', () => {
    dirty = false;
  });
  window.addEventListener('beforeunload', (event) => {
    if (dirty) event.preventDefault();
  });
}
