import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';

/** One element of a record, with the text (and CDATA) directly inside it. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  line: number;
}

/**
 * A complete element at one of the paths the caller asked for. `partial`: a nested record started inside
 * it (a WordPress comment inside its post), so it was handed over early without what followed.
 * `problem`: the element is not usable as it stands (undefined entity, oversized); the caller skips it.
 */
export interface XmlRecord {
  path: string;
  node: XmlNode;
  line: number;
  partial: boolean;
  problem?: string;
}

/** The file is not well-formed XML (or ends early): nothing after `line` can be read. */
export class XmlFormatError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`line ${line}, column ${column + 1}: ${reason}`);
    this.name = 'XmlFormatError';
  }
}

export interface XmlRecordOptions {
  /** Paths of record elements from the root, tag names joined by `/` (`disqus/post`, `rss/channel/item`). */
  records: readonly string[];
  /** A record bigger than this many characters of text is reported, not kept (one bad record must not exhaust memory). */
  maxRecordChars?: number;
  /** Called with the number of bytes read so far, for progress. */
  onBytes?: (bytes: number) => void;
  /** Sees the root element first; a message returned means the file is not of the kind wanted, and reading stops. */
  checkRoot?: (root: { name: string; attrs: Record<string, string> }) => string | null;
}

/** The file is well-formed but not what the import reads (a WordPress export given to the Disqus import). */
export class WrongFileError extends Error {
  override name = 'WrongFileError';
}

interface OpenRecord {
  path: string;
  depth: number;
  root: XmlNode;
  line: number;
  /** Handed over early because a nested record began; what follows inside it is not collected. */
  emitted: boolean;
  chars: number;
  problem?: string;
}

const DEFAULT_MAX_RECORD_CHARS = 16 * 1024 * 1024;

/**
 * Streams an XML file and yields, after each chunk read, the records completed in it. Only the records
 * being built are held in memory, so the file may be far larger than the memory it is read in.
 */
export async function* readXmlRecords(input: Readable, options: XmlRecordOptions): AsyncGenerator<XmlRecord[]> {
  const wanted = new Set(options.records);
  const maxChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const parser = new SaxesParser({ position: true, xmlns: false });
  const path: string[] = [];
  const open: OpenRecord[] = [];
  /** Elements being built inside the innermost open record, its root first. */
  let nodes: XmlNode[] = [];
  let ready: XmlRecord[] = [];
  let fatal: XmlFormatError | undefined;
  let wrongFile: string | null = null;
  let rootSeen = false;

  const current = (): OpenRecord | undefined => open[open.length - 1];

  function emit(record: OpenRecord, partial: boolean) {
    record.emitted = true;
    // After a structural error the parser's idea of the tree is unreliable; nothing more is handed over.
    if (fatal) return;
    ready.push({ path: record.path, node: record.root, line: record.line, partial, ...(record.problem ? { problem: record.problem } : {}) });
  }

  function addText(text: string) {
    const record = current();
    if (!record || record.emitted || nodes.length === 0) return;
    record.chars += text.length;
    if (record.chars > maxChars) {
      record.problem ??= `the element is larger than ${maxChars.toLocaleString('en-US')} characters`;
      return;
    }
    nodes[nodes.length - 1].text += text;
  }

  parser.on('opentag', (tag) => {
    if (!rootSeen && options.checkRoot) wrongFile = options.checkRoot({ name: tag.name, attrs: tag.attributes as Record<string, string> });
    rootSeen = true;
    if (wrongFile !== null) return;
    path.push(tag.name);
    const joined = path.join('/');
    const line = parser.line;
    const node: XmlNode = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: '', line };
    if (wanted.has(joined)) {
      const outer = current();
      if (outer && !outer.emitted) emit(outer, true);
      open.push({ path: joined, depth: path.length, root: node, line, emitted: false, chars: 0 });
      nodes = [node];
      return;
    }
    const record = current();
    if (!record || record.emitted) return;
    nodes[nodes.length - 1].children.push(node);
    nodes.push(node);
  });

  parser.on('closetag', () => {
    if (wrongFile !== null) return;
    const record = current();
    if (record && path.length === record.depth) {
      open.pop();
      if (!record.emitted) emit(record, false);
      // Back in the outer record, whose remaining content is not collected once it was handed over.
      nodes = [];
    } else if (record && !record.emitted && path.length > record.depth) {
      nodes.pop();
    }
    path.pop();
  });

  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (error: Error) => {
    const reason = error.message.replace(/^\d+:\d+: /, '');
    const record = current();
    // An unknown entity spoils one record, not the file's structure: that record is skipped.
    if (/undefined entity|disallowed character|invalid character entity/i.test(reason)) {
      if (record) record.problem ??= `XML error: ${reason}`;
      return;
    }
    const unclosed = /^unclosed tag: (.+)$/.exec(reason);
    fatal ??= new XmlFormatError(
      parser.line,
      parser.column,
      unclosed ? `the file ends before <${unclosed[1]}> is closed: it is truncated or incomplete` : reason,
    );
  });

  let bytes = 0;
  // Decodes across chunk boundaries, so a character split between two reads stays whole.
  const decoder = new StringDecoder('utf8');
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buffer.length;
    parser.write(decoder.write(buffer));
    if (wrongFile !== null) throw new WrongFileError(wrongFile);
    options.onBytes?.(bytes);
    if (ready.length > 0 || fatal) {
      const done = ready;
      ready = [];
      if (done.length > 0) yield done;
      if (fatal) throw fatal;
    }
  }
  const rest = decoder.end();
  if (rest) parser.write(rest);
  if (wrongFile !== null) throw new WrongFileError(wrongFile);
  if (!fatal) parser.close();
  if (ready.length > 0) yield ready;
  if (fatal) throw fatal;
}

/** The first child with this name. */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((candidate) => candidate.name === name);
}

/** The text of the first child with this name, trimmed; '' when it is absent. */
export function childText(node: XmlNode, name: string): string {
  return child(node, name)?.text.trim() ?? '';
}

export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((candidate) => candidate.name === name);
}
