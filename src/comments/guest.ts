import { createHash, createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { newToken } from '../db/ids.js';
import type { CommentActor } from './types.js';

export const GUEST_COOKIE = 'tribune_guest';
const YEAR_SECONDS = 365 * 86400;

function guestKeyOf(token: string): string {
  return createHash('sha256').update(`guest:${token}`).digest('hex');
}

/** The signed-in reader, plus the guest cookie if the browser has one (a guest's own comments). */
export function actorFor(request: FastifyRequest): CommentActor {
  const token = request.cookies[GUEST_COOKIE];
  const guestKey = token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? guestKeyOf(token) : null;
  const viewer = request.viewer;
  if (viewer) return { userId: viewer.id, role: viewer.role, displayName: viewer.displayName, guestKey };
  return { userId: null, role: 'guest', displayName: null, guestKey };
}

/**
 * Gives a guest a lasting identity cookie the first time they post, react or report, so they can edit
 * and delete their own comments and see their own held ones. Only its hash is stored with comments.
 * Cross-site embeds need SameSite=None, which browsers accept only with Secure (HTTPS).
 */
export function ensureGuestActor(request: FastifyRequest, reply: FastifyReply, secure: boolean): CommentActor {
  const actor = actorFor(request);
  if (actor.userId || actor.guestKey) return actor;
  const token = newToken();
  reply.setCookie(GUEST_COOKIE, token, { path: '/', httpOnly: true, sameSite: secure ? 'none' : 'lax', secure, maxAge: YEAR_SECONDS });
  return { ...actor, guestKey: guestKeyOf(token) };
}

/**
 * The network a request comes from, as far as one person controls it: an IPv4 address, or an IPv6 /64
 * (a household's or a phone's usual allocation, all of which its holder can rotate through at will).
 */
export function networkOf(ip: string): string {
  const bare = ip.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped) return mapped[1];
  if (isIPv4(bare) || !isIPv6(bare)) return bare;
  const groups = (part: string | undefined) => (part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : []);
  const [head, tail] = bare.split('::');
  const front = groups(head);
  const back = groups(tail);
  const all = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${all.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}

/** The key guests' network hashes are made with: derived from the site secret, so they cannot be recomputed elsewhere. */
export function reactionSalt(secret: string): Buffer {
  return createHash('sha256').update(`tribune:guest-reaction-network:${secret}`).digest();
}

/**
 * What a guest's like on this comment remembers of where it came from. Keyed per comment, so the stored
 * values say nothing about the address and cannot be matched across comments to follow one network.
 */
export function reactionNetworkKey(salt: Buffer, commentId: string, ip: string): string {
  return createHmac('sha256', salt).update(`${commentId}\n${networkOf(ip)}`).digest('base64url').slice(0, 22);
}
