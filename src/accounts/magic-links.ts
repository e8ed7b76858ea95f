import { newToken } from '../db/ids.js';
import { addSeconds } from '../db/time.js';
import type { Mailer } from '../mail/index.js';
import { escapeHtml } from '../web/html.js';
import { safeRedirect } from '../web/safe-redirect.js';
import { findUserByEmail, STAFF_ROLES } from './queries.js';
import { findOrCreateReader, normaliseEmail, readerErrors, type ReaderDeps } from './readers.js';
import { hashToken } from './service.js';

export const MAGIC_LINK_MINUTES = 15;

export interface MagicLinkDeps extends ReaderDeps {
  mailer: Mailer;
  baseUrl: string;
  siteName: string;
}

/** Only paths on this site, so a crafted link cannot send a reader elsewhere after signing in. */
export function safeReturnTo(value: unknown): string | null {
  return safeRedirect(value, null);
}

/**
 * Mails a single-use sign-in link. Only its hash is stored. Staff addresses get no link: their accounts
 * are protected by a password, and a mailbox alone must not open them.
 */
export async function requestMagicLink(deps: MagicLinkDeps, input: { email: string; returnTo?: string | null }): Promise<void> {
  const email = normaliseEmail(input.email);
  const existing = await findUserByEmail(deps.db, email);
  if (existing && STAFF_ROLES.includes(existing.role)) return;
  const token = newToken();
  const created = deps.now();
  await deps.db.deleteFrom('magic_links').where('expires_at', '<', addSeconds(created, -86400).toISOString()).execute();
  await deps.db
    .insertInto('magic_links')
    .values({
      token_hash: hashToken(token),
      email,
      return_to: safeReturnTo(input.returnTo),
      created_at: created.toISOString(),
      expires_at: addSeconds(created, MAGIC_LINK_MINUTES * 60).toISOString(),
    })
    .execute();
  const link = `${deps.baseUrl}/auth/magic/${token}`;
  await deps.mailer.send({
    to: email,
    subject: `Your sign-in link for ${deps.siteName}`,
    text: `Open this link to sign in to ${deps.siteName}:\n\n${link}\n\nIt works once, for ${MAGIC_LINK_MINUTES} minutes. If you did not ask for it, ignore this mail.\n`,
    html: `<p>Open this link to sign in to ${escapeHtml(deps.siteName)}:</p><p><a href="${escapeHtml(link)}">Sign in</a></p><p>It works once, for ${MAGIC_LINK_MINUTES} minutes. If you did not ask for it, ignore this mail.</p>`,
  });
}

/**
 * Spends a link: the conditional update lets exactly one request win even when two arrive together,
 * then the reader account is found or created for its email.
 */
export async function consumeMagicLink(deps: ReaderDeps, token: string): Promise<{ userId: string; returnTo: string | null }> {
  const tokenHash = hashToken(token);
  const now = deps.now().toISOString();
  const spent = await deps.db
    .updateTable('magic_links')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) throw readerErrors.raise('MAGIC_LINK_INVALID');
  const link = await deps.db.selectFrom('magic_links').select(['email', 'return_to']).where('token_hash', '=', tokenHash).executeTakeFirstOrThrow();
  const user = await findUserByEmail(deps.db, link.email);
  if (user && STAFF_ROLES.includes(user.role)) throw readerErrors.raise('MAGIC_LINK_INVALID');
  const userId = user?.id ?? (await findOrCreateReader(deps, link.email));
  return { userId, returnTo: safeReturnTo(link.return_to) };
}
