// "Copy" beside a snippet to paste elsewhere (the admin's embed code): the button names the text box it
// copies, and stays hidden where this script does not run, leaving the box to select by hand.

for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-copy]'))) {
  const source = document.getElementById(button.dataset.copy ?? '');
  if (!(source instanceof HTMLTextAreaElement)) continue;
  const status = button.parentElement?.querySelector('[data-copied]');
  button.hidden = false;
  button.addEventListener('click', async () => {
    let copied = true;
    try {
      await navigator.clipboard.writeText(source.value);
    } catch {
      // No clipboard permission (or an insecure origin): select it, so one key press copies it.
      source.select();
      copied = document.execCommand('copy');
    }
    if (status) status.textContent = copied ? 'Copied.' : 'Selected: press Ctrl+C (⌘C) to copy.';
  });
}
