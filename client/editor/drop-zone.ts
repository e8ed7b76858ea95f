// Files dropped on or pasted into an element go to `take`; dragged text and typed pastes keep their default.

const DRAG_CLASS = 'image-drop--over';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function acceptDroppedFiles(zone: HTMLElement, take: (file: File) => void): void {
  const over = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    // Without this the browser opens the file in place of the editor.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    zone.classList.add(DRAG_CLASS);
  };
  zone.addEventListener('dragenter', over);
  zone.addEventListener('dragover', over);
  zone.addEventListener('dragleave', () => zone.classList.remove(DRAG_CLASS));
  zone.addEventListener('drop', (event) => {
    zone.classList.remove(DRAG_CLASS);
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    take(file);
  });
  zone.addEventListener('paste', (event) => {
    const file = event.clipboardData?.files[0];
    if (!file) return;
    event.preventDefault();
    take(file);
  });
}
