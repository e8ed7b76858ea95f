// The inline "Describe the image" panel: alt text (or decorative), caption; Enter confirms, Escape cancels.

import type { ImageDescription, MediaItemView } from './media-api.js';

function part<T extends Element>(root: Element, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`editor markup lacks ${selector}`);
  return found;
}

export function removedLine(item: MediaItemView): string {
  return item.removedMetadata.length ? `Removed from the file: ${item.removedMetadata.join(', ')}.` : 'The file carried no metadata to remove.';
}

export class ImageDetails {
  private readonly alt: HTMLInputElement;
  private readonly decorative: HTMLInputElement;
  private readonly caption: HTMLInputElement;
  private readonly preview: HTMLImageElement;
  private readonly removed: HTMLElement;
  private readonly error: HTMLElement;
  private readonly confirmButton: HTMLButtonElement;
  private pending: { save: (description: ImageDescription) => Promise<void>; settle: (saved: boolean) => void } | undefined;

  constructor(private readonly root: HTMLElement) {
    this.alt = part(root, '[data-image-alt]');
    this.decorative = part(root, '[data-image-decorative]');
    this.caption = part(root, '[data-image-caption]');
    this.preview = part(root, '[data-image-preview]');
    this.removed = part(root, '[data-image-removed]');
    this.error = part(root, '[data-image-error]');
    this.confirmButton = part(root, '[data-image-confirm]');
    this.confirmButton.addEventListener('click', () => void this.confirm());
    part<HTMLButtonElement>(root, '[data-image-cancel]').addEventListener('click', () => this.close(false));
    this.decorative.addEventListener('change', () => {
      this.alt.disabled = this.decorative.checked;
      this.showError('');
    });
    // The panel sits inside the editor's form: Enter must not submit the article.
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type !== 'checkbox') {
        event.preventDefault();
        void this.confirm();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        this.close(false);
      }
    });
  }

  /**
   * Shows the uploaded image and waits for its description, which `save` stores; a refusal stays in the
   * panel to be corrected. True once saved, false when the editor cancels.
   */
  ask(item: MediaItemView, save: (description: ImageDescription) => Promise<void>): Promise<boolean> {
    this.close(false);
    this.preview.src = item.previewUrl;
    this.preview.width = 320;
    this.preview.height = Math.round((320 * item.height) / item.width);
    this.removed.textContent = removedLine(item);
    this.alt.value = item.alt;
    this.caption.value = item.caption;
    this.decorative.checked = item.decorative;
    this.alt.disabled = item.decorative;
    this.showError('');
    this.root.hidden = false;
    (item.decorative ? this.caption : this.alt).focus();
    return new Promise((settle) => {
      this.pending = { save, settle };
    });
  }

  get isOpen(): boolean {
    return this.pending !== undefined;
  }

  close(saved: boolean): void {
    const pending = this.pending;
    this.pending = undefined;
    this.root.hidden = true;
    pending?.settle(saved);
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
  }

  private async confirm(): Promise<void> {
    const pending = this.pending;
    if (!pending || this.confirmButton.disabled) return;
    const decorative = this.decorative.checked;
    const alt = decorative ? '' : this.alt.value.trim();
    if (!decorative && !alt) {
      this.showError('Describe the image for readers who cannot see it, or tick “Decorative”.');
      this.alt.focus();
      return;
    }
    this.confirmButton.disabled = true;
    try {
      await pending.save({ alt, caption: this.caption.value.trim(), decorative });
      if (this.pending === pending) this.close(true);
    } catch (error) {
      this.showError(error instanceof Error ? error.message : 'The description was not saved; try again.');
    } finally {
      this.confirmButton.disabled = false;
    }
  }
}
