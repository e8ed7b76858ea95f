const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside XML elements and attributes; characters XML 1.0 forbids are dropped, not escaped. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[&<>"']/g, (char) => XML_ESCAPES[char]);
}

/** `<name attr="…">text</name>` with everything escaped; an undefined or null text drops the element. */
export function element(name: string, text: string | null | undefined, attributes: Record<string, string> = {}): string {
  if (text === null || text === undefined) return '';
  return `<${name}${attrs(attributes)}>${escapeXml(text)}</${name}>`;
}

export function emptyElement(name: string, attributes: Record<string, string>): string {
  return `<${name}${attrs(attributes)}/>`;
}

function attrs(attributes: Record<string, string>): string {
  return Object.entries(attributes).map(([key, value]) => ` ${key}="${escapeXml(value)}"`).join('');
}
