// The editor's "Preview body" button without a page reload: same sanitised HTML as the server renders.

function csrf(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
}

async function preview(body: HTMLTextAreaElement, pane: HTMLElement, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  try {
    const response = await fetch('/api/admin/preview', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf() },
      body: JSON.stringify({ body: body.value }),
      credentials: 'same-origin',
    });
    const data = (await response.json()) as { html?: string; message?: string };
    if (!response.ok || typeof data.html !== 'string') throw new Error(data.message ?? 'Preview failed.');
    // The server's sanitiser produced this HTML; it is the same markup the article page shows.
    pane.innerHTML = data.html;
  } catch (error) {
    pane.textContent = error instanceof Error ? error.message : 'Preview failed.';
  } finally {
    pane.hidden = false;
    button.disabled = false;
  }
}

export function enhancePreview(button: HTMLButtonElement, body: HTMLTextAreaElement, pane: HTMLElement): void {
  button.addEventListener('click', (event) => {
    event.preventDefault();
    void preview(body, pane, button);
  });
}
