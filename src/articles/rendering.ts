import { createHash } from 'node:crypto';
import { renderMarkdown } from '../text/markdown.js';

const CACHE_SIZE = 300;
const rendered = new Map<string, string>();

/**
 * An article body as sanitised HTML. Rendering is the costliest step of an article page and bodies
 * rarely change, so recent results are kept by a digest of the Markdown (least recently used go first).
 */
export function renderBody(markdown: string): string {
  const key = createHash('sha1').update(markdown).digest('base64');
  const hit = rendered.get(key);
  if (hit !== undefined) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  const output = renderMarkdown(markdown, 'article').value;
  rendered.set(key, output);
  if (rendered.size > CACHE_SIZE) rendered.delete(rendered.keys().next().value!);
  return output;
}
