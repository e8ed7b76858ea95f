// One upload control (the body's or the featured image's): pick or receive a file, upload it, have it
// described, then hand it to its target. Every step is said in the control's live region.

import { ImageDetails, removedLine } from './image-details.js';
import { describeImage, uploadImage, type ImageDescription, type MediaItemView } from './media-api.js';

export type PlaceImage = (item: MediaItemView, description: ImageDescription) => void;

export interface ImageTarget {
  /** Called as an upload starts (the body remembers its caret); returns what places the described image. */
  prepare(): PlaceImage;
  /** Said once placed, e.g. "Image inserted." */
  placedMessage: string;
  /** Where the keyboard goes back to when the image is placed or the upload ends. */
  focusAfter: HTMLElement;
}

export class ImageUpload {
  private readonly status: HTMLElement;
  private readonly details: ImageDetails;
  private busy = false;

  constructor(root: HTMLElement, private readonly target: ImageTarget) {
    this.status = root.querySelector<HTMLElement>('[data-image-status]')!;
    this.details = new ImageDetails(root.querySelector<HTMLElement>('[data-image-details]')!);
    const picker = root.querySelector<HTMLInputElement>('[data-image-file]')!;
    root.querySelector<HTMLButtonElement>('[data-image-pick]')!.addEventListener('click', () => picker.click());
    picker.addEventListener('change', () => {
      const file = picker.files?.[0];
      // Cleared so choosing the same file again is a change too.
      picker.value = '';
      if (file) void this.take(file);
    });
    root.hidden = false;
  }

  async take(file: File): Promise<void> {
    if (this.busy) {
      this.say('Finish with the image being uploaded or described first.', true);
      return;
    }
    this.busy = true;
    try {
      const place = this.target.prepare();
      this.say(`Uploading “${file.name || 'image'}”…`);
      let item: MediaItemView;
      try {
        item = await uploadImage(file);
      } catch (error) {
        this.say(error instanceof Error ? error.message : 'The upload failed; try again.', true);
        return;
      }
      this.say(`Uploaded “${item.filename}”. Describe it below.`);
      const saved = await this.details.ask(item, async (description) => {
        await describeImage(item.id, description);
        place(item, description);
      });
      this.say(saved ? `${this.target.placedMessage} ${removedLine(item)}` : 'Not used; the image stays in the media library.');
      this.target.focusAfter.focus();
    } finally {
      this.busy = false;
    }
  }

  private say(message: string, isError = false): void {
    this.status.textContent = message;
    this.status.classList.toggle('form-error', isError);
  }
}
