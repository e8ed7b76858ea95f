import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, setSessionCookie } from './http.js';
import { endSession, startSession, type AccountsDeps } from './service.js';

/**
 * The last step of every sign-in, once the person has proved who they are (password, a second
 * factor, an emailed link, an accepted invitation): the browser's earlier session ends, whoever's it
 * was, and a new token is issued, so a session planted or left in this browser is never carried over.
 */
export type CompleteSignIn = (request: FastifyRequest, reply: FastifyReply, userId: string) => Promise<void>;

export function signInCompleter(deps: AccountsDeps & { secureCookies: boolean }): CompleteSignIn {
  return async (request, reply, userId) => {
    const earlier = request.cookies[SESSION_COOKIE];
    if (earlier) await endSession(deps, earlier);
    const token = await startSession(deps, userId, { userAgent: request.headers['user-agent'] });
    setSessionCookie(reply, token, deps.secureCookies);
  };
}
