import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { escapeHtml } from './html.js';

/** What a page shows of the signed-in reader it is drawn for. */
export interface ReaderMarks {
  /** Their display name, as text (escaped by the page like any other). */
  name: string;
  /** Their form token. */
  csrf: string;
}

// Unguessable, so no comment or title can contain a mark and have a reader's name or token put there.
const MARK = randomBytes(12).toString('hex');
const MARKS: ReaderMarks = { name: `tribune-reader-name-${MARK}`, csrf: `tribune-reader-token-${MARK}` };
const FINDS = new RegExp(`${MARKS.name}|${MARKS.csrf}`, 'g');

/** A drawing cut at its marks: bytes as they are, and where each reader's own go. */
type Piece = Buffer | keyof ReaderMarks;
const cut = new WeakMap<Buffer, Piece[]>();

function pieces(drawing: Buffer): Piece[] {
  let known = cut.get(drawing);
  if (known) return known;
  known = [];
  const text = drawing.toString('utf8');
  let from = 0;
  for (const found of text.matchAll(FINDS)) {
    known.push(Buffer.from(text.slice(from, found.index)), found[0] === MARKS.name ? 'name' : 'csrf');
    from = found.index + found[0].length;
  }
  known.push(Buffer.from(text.slice(from)));
  cut.set(drawing, known);
  return known;
}

/**
 * A signed-in reader's page, drawn once for every reader it would look the same to. When nothing of
 * their own shows in it (no comment, like or notice of theirs: the caller judges that, and names what the
 * page tells them as `variant`, or null when it shows something of theirs), a page differs between
 * readers only by their name and form token: it is drawn with marks in their place, kept beside the
 * anonymous pages (./page-cache-plugin.ts: same tags, same drops, same age limit), and every reader gets a
 * copy with their own filled in. `draw` must put the name only where text goes (it is filled in escaped).
 */
export async function drawnForReaders(
  request: FastifyRequest,
  variant: string | null,
  own: ReaderMarks,
  draw: (marks: ReaderMarks) => Promise<string>,
): Promise<string | Buffer> {
  const drawings = request.pageCache?.drawings;
  if (!drawings || variant === null) return draw(own);
  let drawing = drawings.get(variant);
  if (drawing === undefined) drawing = await drawings.keep(variant, Buffer.from(await draw(MARKS)));
  const filled = { name: Buffer.from(escapeHtml(own.name)), csrf: Buffer.from(own.csrf) };
  return Buffer.concat(pieces(drawing).map((piece) => (typeof piece === 'string' ? filled[piece] : piece)));
}
