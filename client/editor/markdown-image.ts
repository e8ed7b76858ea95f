// `![alt](/media/ID "caption")` written so the server's Markdown and its image checks read it back whole.

/**
 * Brackets would end the alt text and a straight quote the caption early (the publish check reads
 * them with plain patterns, without escapes): brackets become parentheses, quotes curly ones.
 */
function altText(alt: string): string {
  return alt.replace(/\s+/g, ' ').trim().replace(/\[/g, '(').replace(/\]/g, ')');
}

function captionText(caption: string): string {
  let open = true;
  return caption.replace(/\s+/g, ' ').trim().replace(/"/g, () => ((open = !open) ? '”' : '“'));
}

export function markdownImage(reference: string, alt: string, caption: string): string {
  const title = captionText(caption);
  return `![${altText(alt)}](${reference}${title ? ` "${title}"` : ''})`;
}

/**
 * Puts `block` between `start` and `end` as a paragraph of its own (blank lines around it), which the
 * article page draws as a figure with its caption; the caret lands after it.
 */
export function insertBlock(textarea: HTMLTextAreaElement, block: string, start: number, end: number): void {
  const before = textarea.value.slice(0, start);
  const after = textarea.value.slice(end);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after === '' || after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  textarea.setRangeText(`${lead}${block}${trail}`, start, end, 'end');
  // The form's listeners (unsaved-changes warning) hear it as typing.
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}
