// The featured image: uploaded (picked or dropped) into the library, then named `/media/ID` in its field.

import { acceptDroppedFiles } from './drop-zone.js';
import { ImageUpload } from './image-upload.js';

const LIBRARY_REFERENCE = /^\/media\/[a-z0-9]{10,40}$/;

export function enhanceFeaturedImage(url: HTMLInputElement, alt: HTMLInputElement, root: HTMLElement): void {
  const preview = root.querySelector<HTMLImageElement>('[data-featured-preview]')!;
  const show = (src: string | undefined) => {
    preview.hidden = !src;
    if (src) preview.src = src;
  };
  // A typed library address previews too (its URL redirects to a JPEG); other hosts are not fetched here.
  const showTyped = () => show(LIBRARY_REFERENCE.test(url.value.trim()) ? url.value.trim() : undefined);
  showTyped();
  url.addEventListener('change', showTyped);

  const upload = new ImageUpload(root, {
    prepare: () => (item, description) => {
      url.value = item.reference;
      alt.value = description.alt;
      show(item.previewUrl);
      url.dispatchEvent(new Event('input', { bubbles: true }));
    },
    placedMessage: 'Featured image set.',
    focusAfter: url,
  });
  acceptDroppedFiles(root, (file) => void upload.take(file));
}
