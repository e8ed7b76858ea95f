import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, EngagementKind } from '../db/schema.js';
import { escapeHtml } from '../web/html.js';

/**
 * Open and click counting, off unless the owner turns it on (settings → Newsletters). A send started
 * while it is on remembers the links of its HTML part; each recipient's copy then points those links at
 * `/n/c/TOKEN` and carries a 1×1 image `/n/o/TOKEN`. A token names the send, the recipient and (for a
 * link) the link's position in the send's own list, signed: the redirect can only lead to a URL that
 * was in that email, never to one a stranger puts in a link. The plain-text part is left as it is.
 * What is stored is the first open and the first click of each recipient per send, with its time.
 */

/** The footer sentence of an untracked email (src/newsletters/email.ts), replaced in a tracked one. */
export const UNTRACKED_SENTENCE = 'We do not track opens or clicks.';
export const TRACKED_SENTENCE = 'This email counts whether you open it and click its links (only that you did and when, nothing else).';

/** What the owner reads next to the setting. */
export const TRACKING_EXPLANATION =
  'When on, newsletters sent from then on carry a tiny image and send their links through this site, so the send page can show how many recipients opened the email and how many clicked a link. For each recipient and send Tribune stores only the time of the first open and of the first click — not which link, not the address, browser or device. Readers see it in their data download and it is erased with their account. Many mail apps block such images, so opens are undercounted.';

/** A GIF of one transparent pixel. */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const HREF = /href="(https?:\/\/[^"]*)"/g;
const ID = /^[0-9a-z-]{1,80}$/;

function unescapeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_match, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower];
  });
}

/** The distinct http(s) links of an email's HTML, in order: the only places its redirect may lead. */
export function trackableLinks(html: string): string[] {
  const links: string[] = [];
  for (const [, href] of html.matchAll(HREF)) {
    const url = unescapeAttribute(href);
    if (!links.includes(url)) links.push(url);
  }
  return links;
}

/** The stored body of a tracked send says so in its footer instead of promising the opposite. */
export function trackedNotice(body: string): string {
  return body.split(UNTRACKED_SENTENCE).join(TRACKED_SENTENCE);
}

function sign(secret: string, purpose: EngagementKind, payload: string): string {
  return createHmac('sha256', secret).update(`tribune-newsletters-${purpose}\n${payload}`).digest('base64url').slice(0, 22);
}

function matches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function openToken(secret: string, sendId: string, subscriberId: string): string {
  const payload = `${sendId}.${subscriberId}`;
  return `${payload}.${sign(secret, 'open', payload)}`;
}

export function clickToken(secret: string, sendId: string, subscriberId: string, index: number): string {
  const payload = `${sendId}.${subscriberId}.${index}`;
  return `${payload}.${sign(secret, 'click', payload)}`;
}

export function verifyOpenToken(secret: string, token: string): { sendId: string; subscriberId: string } | null {
  const parts = token.replace(/\.gif$/, '').split('.');
  if (parts.length !== 3) return null;
  const [sendId, subscriberId, signature] = parts;
  if (!ID.test(sendId) || !ID.test(subscriberId) || !matches(signature, sign(secret, 'open', `${sendId}.${subscriberId}`))) return null;
  return { sendId, subscriberId };
}

export function verifyClickToken(secret: string, token: string): { sendId: string; subscriberId: string; index: number } | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [sendId, subscriberId, index, signature] = parts;
  if (!ID.test(sendId) || !ID.test(subscriberId) || !/^\d{1,4}$/.test(index)) return null;
  if (!matches(signature, sign(secret, 'click', `${sendId}.${subscriberId}.${index}`))) return null;
  return { sendId, subscriberId, index: Number(index) };
}

/** One recipient's copy of a tracked send's HTML: its links through the redirect, and the pixel. */
export function trackRecipient(html: string, links: string[], options: { baseUrl: string; secret: string; sendId: string; subscriberId: string }): string {
  const positions = new Map(links.map((url, index) => [url, index]));
  const rewritten = html.replace(HREF, (whole, href: string) => {
    const index = positions.get(unescapeAttribute(href));
    if (index === undefined) return whole;
    return `href="${escapeHtml(`${options.baseUrl}/n/c/${clickToken(options.secret, options.sendId, options.subscriberId, index)}`)}"`;
  });
  const pixel = `<img src="${escapeHtml(`${options.baseUrl}/n/o/${openToken(options.secret, options.sendId, options.subscriberId)}.gif`)}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0;">`;
  const end = rewritten.lastIndexOf('</body>');
  return end === -1 ? rewritten + pixel : `${rewritten.slice(0, end)}${pixel}\n${rewritten.slice(end)}`;
}

/**
 * Records a recipient's first open or click of a send; later ones change nothing. Only a recipient the
 * send was delivered to counts, so a token for an erased reader (or a forged pair) stores nothing.
 */
export async function recordEngagement(db: Kysely<Database>, kind: EngagementKind, sendId: string, subscriberId: string, at: Date): Promise<void> {
  await sql`
    insert into newsletter_engagements (send_id, subscriber_id, kind, at)
    select ${sendId}, ${subscriberId}, ${kind}, ${at.toISOString()}
    where exists (select 1 from newsletter_deliveries where send_id = ${sendId} and subscriber_id = ${subscriberId} and status = 'sent')
    on conflict (send_id, subscriber_id, kind) do nothing
  `.execute(db);
}

export interface Engagement {
  opened: number;
  clicked: number;
}

/** Unique opens and clicks per send. */
export async function engagementCounts(db: Kysely<Database>, sendIds: string[]): Promise<Map<string, Engagement>> {
  const counts = new Map<string, Engagement>(sendIds.map((id) => [id, { opened: 0, clicked: 0 }]));
  if (sendIds.length === 0) return counts;
  const rows = await db
    .selectFrom('newsletter_engagements')
    .select(['send_id', 'kind', (eb) => eb.fn.countAll<number>().as('count')])
    .where('send_id', 'in', sendIds)
    .groupBy(['send_id', 'kind'])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.send_id)!;
    if (row.kind === 'open') entry.opened = Number(row.count);
    else entry.clicked = Number(row.count);
  }
  return counts;
}

/** The URL a tracked send's link `index` pointed at, or undefined when the send has no such link. */
export async function trackedLink(db: Kysely<Database>, sendId: string, index: number): Promise<string | undefined> {
  const send = await db.selectFrom('newsletter_sends').select('tracked_links').where('id', '=', sendId).executeTakeFirst();
  if (!send?.tracked_links) return undefined;
  const links = JSON.parse(send.tracked_links) as unknown;
  const url = Array.isArray(links) ? links[index] : undefined;
  return typeof url === 'string' && /^https?:\/\//.test(url) ? url : undefined;
}
