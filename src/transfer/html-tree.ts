import { Parser } from 'htmlparser2';

export interface HtmlElement {
  type: 'element';
  name: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}

export interface HtmlText {
  type: 'text';
  text: string;
}

export type HtmlNode = HtmlElement | HtmlText;

/** Elements whose content is never text for readers. */
const DROPPED = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'object', 'embed', 'svg', 'math', 'select', 'textarea', 'button']);

/**
 * HTML as exported by Disqus or WordPress, parsed leniently (unclosed `<p>`, stray `</div>`, entities)
 * into a small tree. Scripts and styles are dropped with their content.
 */
export function parseHtml(source: string): HtmlElement {
  const root: HtmlElement = { type: 'element', name: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  let dropping = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (dropping > 0 || DROPPED.has(name)) {
          dropping += 1;
          return;
        }
        const element: HtmlElement = { type: 'element', name, attrs, children: [] };
        stack[stack.length - 1].children.push(element);
        stack.push(element);
      },
      ontext(text) {
        if (dropping > 0) return;
        const parent = stack[stack.length - 1];
        const last = parent.children[parent.children.length - 1];
        if (last?.type === 'text') last.text += text;
        else parent.children.push({ type: 'text', text });
      },
      onclosetag() {
        if (dropping > 0) {
          dropping -= 1;
          return;
        }
        if (stack.length > 1) stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(source);
  parser.end();
  return root;
}

/** All text inside a node, as written (for `<pre>` and link labels). */
export function textContent(node: HtmlNode): string {
  if (node.type === 'text') return node.text;
  if (node.name === 'br') return '\n';
  return node.children.map(textContent).join('');
}

/** Text of a bit of HTML (a title with `<em>` in it, an entity-escaped category name), on one line. */
export function plainText(html: string): string {
  return textContent(parseHtml(html)).replace(/\s+/g, ' ').trim();
}
