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

/** Where a frame (below) takes the part drawn for each reader alone. */
export interface FrameMarks extends ReaderMarks {
  part: string;
}

// Unguessable, so no comment or title can contain a mark and have a reader's name or token put there.
const MARK = randomBytes(12).toString('hex');
const MARKS: FrameMarks = { name: `tribune-reader-name-${MARK}`, csrf: `tribune-reader-token-${MARK}`, part: `tribune-reader-part-${MARK}` };
const FINDS = new RegExp(`${MARKS.name}|${MARKS.csrf}|${MARKS.part}`, 'g');
const MARK_NAMES = new Map(Object.entries(MARKS).map(([name, mark]) => [mark, name as keyof FrameMarks]));
/** The key of a page's frame among its drawings (a variant is never empty of this character). */
const FRAME = '\u0001frame';

/** A drawing cut at its marks: bytes as they are, and where each reader's own go. */
type Piece = Buffer | keyof FrameMarks;
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

function filled(drawing: Buffer, own: ReaderMarks, part = ''): Buffer {
  const bytes = { name: Buffer.from(escapeHtml(own.name)), csrf: Buffer.from(own.csrf), part: Buffer.from(part) };
  return Buffer.concat(pieces(drawing).map((piece) => (typeof piece === 'string' ? bytes[piece] : piece)));
}

async function shared(request: FastifyRequest, key: string, draw: () => Promise<string>): Promise<Buffer | undefined> {
  const drawings = request.pageCache?.drawings;
  if (!drawings) return undefined;
  return drawings.get(key) ?? drawings.keep(key, Buffer.from(await draw()));
}

/**
 * A signed-in reader's page, drawn once for every reader it would look the same to. When nothing of
 * their own shows in it (no comment, like or notice of theirs: the caller judges that, and names what the
 * page tells them as `variant`), a page differs between readers only by their name and form token: it is
 * drawn with marks in their place, kept beside the anonymous pages (./page-cache-plugin.ts: same tags,
 * same drops, same age limit), and every reader gets a copy with their own filled in. `draw` must put the
 * name only where text goes (it is filled in escaped).
 */
export async function drawnForReaders(request: FastifyRequest, variant: string, own: ReaderMarks, draw: (marks: ReaderMarks) => Promise<string>): Promise<string | Buffer> {
  const drawing = await shared(request, variant, () => draw(MARKS));
  return drawing ? filled(drawing, own) : draw(own);
}

/**
 * The same for a page with one part of its own (the comment section of a reader whose comment is in it):
 * everything around that part (the frame) is drawn once and shared, the part is drawn for this reader.
 */
export async function framedForReader(
  request: FastifyRequest,
  own: ReaderMarks,
  drawFrame: (marks: FrameMarks) => Promise<string>,
  drawPart: () => Promise<string>,
): Promise<string | Buffer> {
  const [frame, part] = await Promise.all([shared(request, FRAME, () => drawFrame(MARKS)), drawPart()]);
  return frame ? filled(frame, own, part) : drawFrame({ ...own, part });
}
