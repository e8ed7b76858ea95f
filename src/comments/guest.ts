import { createHash } from 'node:crypto';
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
