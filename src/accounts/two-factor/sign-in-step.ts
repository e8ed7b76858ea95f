import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../runtime.js';
import { beginPendingSignIn, PENDING_MINUTES } from './pending.js';
import { TWO_FACTOR_SIGN_IN_PATH } from './paths.js';
import { hasSecondFactor } from './queries.js';

/**
 * The hook in POST /login, after the password was right: a staff member with a second factor gets a
 * pending sign-in and is sent to /login/two-factor instead of a session. Returns true when it answered.
 */
export async function divertToSecondStep(
  deps: Pick<Deps, 'db' | 'now' | 'config'>,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  next: string,
): Promise<boolean> {
  if (!(await hasSecondFactor(deps.db, userId))) return false;
  await beginPendingSignIn(deps, reply, { userId, next, secure: deps.config.baseUrl.startsWith('https:') });
  if (request.headers['content-type']?.startsWith('application/json')) {
    reply.code(202).send({
      ok: false,
      secondStep: TWO_FACTOR_SIGN_IN_PATH,
      message: `Password accepted; finish signing in at ${TWO_FACTOR_SIGN_IN_PATH} within ${PENDING_MINUTES} minutes.`,
    });
  } else {
    reply.redirect(TWO_FACTOR_SIGN_IN_PATH, 303);
  }
  return true;
}

/** For the admin guard: whether this staff member must set up a second factor before going on. */
export function staffNeedsTwoFactor(deps: Pick<Deps, 'db' | 'settings'>): (userId: string) => Promise<boolean> {
  return async (userId) => (await deps.settings.get()).security.requireTwoFactorForStaff && !(await hasSecondFactor(deps.db, userId));
}
