import Tokens from '@fastify/csrf';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../db/schema.js';
import { httpErrors } from '../errors.js';
import { crossOriginVerdict } from './cross-origin.js';
import { hashToken, SESSION_DAYS, viewerForSession, type AccountsDeps, type Viewer } from './service.js';
import { twoFactorErrors } from './two-factor/errors.js';
import { TWO_FACTOR_SETUP_PATH } from './two-factor/paths.js';

export const SESSION_COOKIE = 'tribune_session';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
    /** A staff viewer the site requires to set up two-factor sign-in before using the admin. */
    twoFactorSetupNeeded: boolean;
  }
  interface FastifyContextConfig {
    /** false: the route checks its own authenticity (e.g. signed webhooks), so no CSRF token. */
    csrf?: boolean;
    /** true: a staff route that stays open while the two-factor requirement holds (its own setup). */
    allowWithoutTwoFactor?: boolean;
  }
}

export interface SessionPluginOptions extends AccountsDeps {
  baseUrl: string;
  /** Whether a state-changing request from this other origin to this URL needs no CSRF token. */
  trustsCrossOrigin: (origin: string, url: string) => Promise<boolean>;
  /** Whether this staff member must set up two-factor sign-in first (the site requires it). */
  staffNeedsTwoFactor?: (userId: string) => Promise<boolean>;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const CSRF_COOKIE = 'tribune_csrf';
const csrfTokens = Tokens();
/** Secrets issued during this request, before the browser has sent the cookie back. */
const issuedSecrets = new WeakMap<FastifyRequest, string>();

/**
 * Resolves the session cookie into `request.viewer` for every request, and refuses state-changing
 * requests from other sites: by `Sec-Fetch-Site`/`Origin` (./cross-origin.ts), by CSRF token only when
 * a request carries neither, except where `trustsCrossOrigin` vouches for the request's Origin (a site
 * embedding the comment widget, on the widget's own routes). See docs/security.md.
 */
export const sessionPlugin = fp<SessionPluginOptions>(async (app, options) => {
  const ownOrigin = new URL(options.baseUrl).origin;

  app.decorateRequest('viewer', null);
  app.decorateRequest('twoFactorSetupNeeded', false);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.viewer = await viewerForSession(options, token);
    if (request.viewer && request.viewer.role !== 'reader' && options.staffNeedsTwoFactor) {
      request.twoFactorSetupNeeded = await options.staffNeedsTwoFactor(request.viewer.id);
    }
  });

  app.addHook('preHandler', async (request) => {
    if (!UNSAFE_METHODS.has(request.method) || request.routeOptions.config?.csrf === false) return;
    const origin = request.headers.origin;
    if (origin && origin !== ownOrigin && (await options.trustsCrossOrigin(origin, request.url))) return;
    // The browser's own word on where the request comes from decides; a token only where it says nothing.
    const verdict = crossOriginVerdict(request.headers, ownOrigin);
    if (verdict === 'same-origin') return;
    if (verdict === 'cross-origin') throw httpErrors.raise('CSRF_INVALID', 'This request came from another site.');
    const secret = csrfSecret(request);
    const token = submittedCsrfToken(request);
    if (!secret || !token || !csrfTokens.verify(secret, token)) throw httpErrors.raise('CSRF_INVALID');
  });
}, { name: 'tribune-session', dependencies: ['@fastify/cookie'] });

function csrfSecret(request: FastifyRequest): string | undefined {
  const cookie = request.cookies[CSRF_COOKIE];
  if (!cookie) return undefined;
  const unsigned = request.unsignCookie(cookie);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

function submittedCsrfToken(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | null | undefined;
  return typeof body?._csrf === 'string' ? body._csrf : undefined;
}

/** A CSRF token for a page's forms and scripts; sets the secret cookie on first use. */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  let secret = csrfSecret(request) ?? issuedSecrets.get(request);
  if (!secret) {
    secret = csrfTokens.secretSync();
    issuedSecrets.set(request, secret);
    reply.setCookie(CSRF_COOKIE, secret, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      signed: true,
    });
  }
  return csrfTokens.create(secret);
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: SESSION_DAYS * 86400,
  });
}

/** The stored id of the session this request's cookie carries, to tell "this browser" among a user's sessions. */
export function sessionIdOf(request: FastifyRequest): string | undefined {
  const token = request.cookies[SESSION_COOKIE];
  return token ? hashToken(token) : undefined;
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Route guard: staff with one of `roles` (admin may always act). Pages send the signed-out visitor to
 * the login form; API routes answer 401/403 JSON. Where the site requires two-factor sign-in, staff
 * without it are sent to set it up (403 for API routes).
 */
export function requireRole(...roles: Role[]): preHandlerAsyncHookHandler {
  return async function guard(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
    const viewer = request.viewer;
    if (!viewer || viewer.role === 'reader') {
      if (wantsHtml(request)) {
        return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
      }
      throw httpErrors.raise('UNAUTHENTICATED');
    }
    if (viewer.role !== 'admin' && !roles.includes(viewer.role)) throw httpErrors.raise('FORBIDDEN');
    if (request.twoFactorSetupNeeded && !request.routeOptions.config?.allowWithoutTwoFactor) {
      if (wantsHtml(request)) return reply.redirect(`${TWO_FACTOR_SETUP_PATH}?next=${encodeURIComponent(request.url)}`, 303);
      throw twoFactorErrors.raise('TWO_FACTOR_SETUP_REQUIRED');
    }
  };
}

/** Signed-in reader or staff member. */
export function requireViewer(): preHandlerAsyncHookHandler {
  return async function guard(request: FastifyRequest) {
    if (!request.viewer) throw httpErrors.raise('UNAUTHENTICATED');
  };
}

export function wantsHtml(request: FastifyRequest): boolean {
  return request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
}
