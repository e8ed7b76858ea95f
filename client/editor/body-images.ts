// Images into the body: dropped, pasted or chosen, uploaded, described, then written as Markdown at the caret.

import { acceptDroppedFiles } from './drop-zone.js';
import { ImageUpload } from './image-upload.js';
import { insertBlock, markdownImage } from './markdown-image.js';

export function enhanceBodyImages(body: HTMLTextAreaElement, root: HTMLElement): void {
  const upload = new ImageUpload(root, {
    prepare() {
      // Where the caret was when the image arrived: the panel takes the focus while it is described.
      const start = body.selectionStart;
      const end = body.selectionEnd;
      return (item, description) => insertBlock(body, markdownImage(item.reference, description.alt, description.caption), start, end);
    },
    placedMessage: 'Image inserted.',
    focusAfter: body,
  });
  acceptDroppedFiles(body, (file) => void upload.take(file));
}
