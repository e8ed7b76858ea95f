import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The layout the word-vector and word-cluster files share (little-endian): a four-letter magic, uint32
 * header length, header JSON, the words joined by "\n" (`wordBytes` of UTF-8), then the file's own rows.
 */
export interface WordTableHeader {
  count: number;
  wordBytes: number;
}

export function encodeWordTable(magic: string, header: Record<string, unknown>, words: string[], rows: Buffer[]): Buffer {
  const wordBuffer = Buffer.from(words.join('\n'), 'utf8');
  const json = Buffer.from(JSON.stringify({ ...header, count: words.length, wordBytes: wordBuffer.length }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return Buffer.concat([Buffer.from(magic, 'latin1'), length, json, wordBuffer, ...rows]);
}

/** The header, the row of each word, and where the file's own rows start. */
export function decodeWordTable<H extends WordTableHeader>(bytes: Buffer, magic: string, kind: string): { header: H; index: Map<string, number>; offset: number } {
  if (bytes.toString('latin1', 0, 4) !== magic) throw new Error(`not a ${kind} file`);
  const headerLength = bytes.readUInt32LE(4);
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as H;
  const offset = 8 + headerLength;
  const words = bytes.toString('utf8', offset, offset + header.wordBytes).split('\n');
  if (words.length !== header.count) throw new Error(`${kind} file: word count does not match its header`);
  const index = new Map<string, number>();
  words.forEach((word, i) => index.set(word, i));
  return { header, index, offset: offset + header.wordBytes };
}

const here = dirname(fileURLToPath(import.meta.url));

/** A committed file beside the model, decoded on first use and kept for the process (like the model). */
export function committedFile<T>(name: string, decode: (bytes: Buffer) => T, buildScript: string): () => T {
  let shared: T | undefined;
  return () => {
    if (shared === undefined) {
      const file = join(here, 'model', name);
      if (!existsSync(file)) throw new Error(`${name} not found at ${file}; run npm run ${buildScript}`);
      shared = decode(readFileSync(file));
    }
    return shared;
  };
}
