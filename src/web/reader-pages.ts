import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { escapeHtml } from './html.js';
import type { Viewer } from './viewer.js';

/** Who a page is drawn for: a reader and their form token, or marks standing for any reader's. */
export interface DrawnFor {
  viewer: Viewer;
  csrf: string;
}

// Unguessable, so no comment or title can contain a mark and have a reader's name or token put there.
const MARK = randomBytes(12).toString('hex');
/** Where a shared drawing takes each reader's name (as text), form token, and the part drawn for them alone (below). */
const MARKS = { name: `tribune-reader-name-${MARK}`, csrf: `tribune-reader-token-${MARK}`, part: `tribune-reader-part-${MARK}` };
const FINDS = new RegExp(`${MARKS.name}|${MARKS.csrf}|${MARKS.part}`, 'g');
const MARK_NAMES = new Map(Object.entries(MARKS).map(([name, mark]) => [mark, name as Mark]));
/** The key of a page's frame among its drawings (a variant is never empty of this character). */
const FRAME = '\u0001frame';

/** A drawing cut at its marks: bytes as they are, and where each reader's own go. */
type Mark = keyof typeof MARKS;
type Piece = Buffer | Mark;
const cut = new WeakMap<Buffer, Piece[]>();

function pieces(drawing: Buffer): Piece[] {
  let known = cut.get(drawing);
  if (known) return known;
  known = [];
  const text = drawing.toString('utf8');
  let from = 0;
  for (const found of text.matchAll(FINDS)) {
    known.push(Buffer.from(text.slice(from, found.index)), MARK_NAMES.get(found[0])!);
    from = found.index + found[0].length;
  }
  known.push(Buffer.from(text.slice(from)));
  cut.set(drawing, known);
  return known;
}

function filled(drawing: Buffer, reader: DrawnFor, part = ''): Buffer {
  const bytes = { name: Buffer.from(escapeHtml(reader.viewer.displayName)), csrf: Buffer.from(reader.csrf), part: Buffer.from(part) };
  return Buffer.concat(pieces(drawing).map((piece) => (typeof piece === 'string' ? bytes[piece] : piece)));
}

async function shared(request: FastifyRequest, key: string, draw: () => Promise<string>): Promise<Buffer | undefined> {
  const drawings = request.pageCache?.drawings;
  if (!drawings) return undefined;
  return drawings.get(key) ?? drawings.keep(key, Buffer.from(await draw()));
}

/** The reader with marks for their name and token: what a shared drawing is drawn for. */
function marked(reader: DrawnFor): DrawnFor {
  return { viewer: { ...reader.viewer, displayName: MARKS.name }, csrf: MARKS.csrf };
}

/**
 * A signed-in reader's page, drawn once for every reader it would look the same to. When nothing of
 * their own shows in it (no comment, like or notice of theirs: the caller judges that, and names what the
 * page tells them as `variant`), a page differs between readers only by their name and form token: it is
 * drawn with marks in their place, kept beside the anonymous pages (./page-cache-plugin.ts: same tags,
 * same drops, same age limit), and every reader gets a copy with their own filled in. `draw` must put the
 * name only where text goes (it is filled in escaped).
 */
export async function drawnForReaders(request: FastifyRequest, variant: string, reader: DrawnFor, draw: (drawnFor: DrawnFor) => Promise<string>): Promise<string | Buffer> {
  const drawing = await shared(request, variant, () => draw(marked(reader)));
  return drawing ? filled(drawing, reader) : draw(reader);
}

/**
 * The same for a page with one part of its own (the comment section of a reader whose comment is in it):
 * everything around that part (the frame) is drawn once and shared, the part is drawn for this reader.
 * `drawFrame` puts `part` where that part goes.
 */
export async function framedForReader(
  request: FastifyRequest,
  reader: DrawnFor,
  drawFrame: (drawnFor: DrawnFor, part: string) => Promise<string>,
  drawPart: () => Promise<string>,
): Promise<string | Buffer> {
  const [frame, part] = await Promise.all([shared(request, FRAME, () => drawFrame(marked(reader), MARKS.part)), drawPart()]);
  return frame ? filled(frame, reader, part) : drawFrame(reader, part);
}
