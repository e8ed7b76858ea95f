import { open } from 'node:fs/promises';
import { constants, gunzipSync } from 'node:zlib';

/** What the first bytes of a file say it is, before it is read as XML. */
export interface FileStart {
  gzip: boolean;
  /** Set when the file is certainly not an XML export: what it is instead, for the message. */
  notXml: string | null;
}

const HEAD_BYTES = 8 * 1024;

/** Reads the start of the file (decompressed when gzipped: a `.xml.gz` export is read as it is). */
export async function sniffFile(file: string): Promise<FileStart> {
  const handle = await open(file, 'r');
  let bytes: Buffer;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    bytes = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (gzip) {
    try {
      // A partial stream: flush what decompresses rather than fail on the missing end.
      bytes = gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      return { gzip, notXml: 'a gzip file that cannot be decompressed' };
    }
  }
  return { gzip, notXml: notXml(bytes) };
}

function notXml(bytes: Buffer): string | null {
  if (bytes.length === 0) return 'empty';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'a ZIP archive (WordPress.com sends its export zipped): unzip it and import the .xml file inside';
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{"format":"tribune-export"')) return 'a Tribune export: restore it with `tribune import tribune FILE`';
  if (text.startsWith('{') || text.startsWith('[')) return 'JSON, not XML';
  if (!text.startsWith('<')) return bytes.includes(0) ? 'a binary file, not XML' : 'plain text, not XML';
  return null;
}

/** The kind of XML document a root element stands for, in words. */
export function describeRoot(root: { name: string; attrs: Record<string, string> }): string {
  const name = root.name.toLowerCase();
  if (name === 'disqus') return 'a Disqus export (<disqus>)';
  if (name === 'rss') return root.attrs['xmlns:wp'] ? 'a WordPress export (WXR: <rss> with wp: elements)' : 'an RSS feed (<rss> without WordPress\'s wp: elements)';
  if (name === 'feed') return 'an Atom feed';
  if (name === 'html') return 'an HTML page';
  return `an XML file whose root element is <${root.name.slice(0, 40)}>`;
}

export function isWordPressRoot(root: { name: string; attrs: Record<string, string> }): boolean {
  return root.name === 'rss' && Boolean(root.attrs['xmlns:wp']);
}

export function isDisqusRoot(root: { name: string }): boolean {
  return root.name === 'disqus';
}
