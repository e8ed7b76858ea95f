import { effectiveStatus, findReaderStanding, type ReaderStanding } from '../accounts/index.js';
import type { SiteSettings } from '../settings/index.js';
import { sanctionText, type SanctionView } from '../web/sanction-text.js';
import type { ViewerView } from './markup/section.js';
import { authorHistory } from './queries.js';
import type { CommentActor, CommentsDeps } from './types.js';

function readerStanding(deps: Pick<CommentsDeps, 'db'>, actor: Pick<CommentActor, 'userId'>): Promise<ReaderStanding | undefined> {
  return actor.userId ? findReaderStanding(deps.db, actor.userId) : Promise.resolve(undefined);
}

/**
 * The ban or suspension that keeps this viewer from commenting now, if any: a reader's account
 * standing, or a guest's sanction (by cookie, or by network for a guest who cleared it).
 */
export async function viewerSanction(
  deps: Pick<CommentsDeps, 'db' | 'now' | 'guestStanding'>,
  actor: Pick<CommentActor, 'userId' | 'guestKey'>,
  network: string | null,
  standingRead: Promise<ReaderStanding | undefined>,
): Promise<SanctionView | undefined> {
  if (actor.userId) {
    const standing = await standingRead;
    if (!standing || standing.role !== 'reader') return undefined;
    const status = effectiveStatus(standing, deps.now());
    return status === 'active' ? undefined : { status, until: status === 'suspended' ? standing.suspendedUntil : null };
  }
  const guest = await deps.guestStanding?.standing({ guestKey: actor.guestKey, network });
  return guest ? { status: guest.status, until: guest.until } : undefined;
}

/**
 * Why this viewer's next comment will wait for a moderator, said before they write it: the site's,
 * the article's or their own pre-moderation, or a new reader's first comments. Null when it will not
 * (staff skip review). Mirrors the pipeline's premoderation phase; a guest's history is known by cookie.
 */
export async function reviewFirstNotice(
  deps: Pick<CommentsDeps, 'db'>,
  actor: Pick<CommentActor, 'userId' | 'guestKey' | 'role'>,
  article: { premoderate: boolean },
  moderation: Pick<SiteSettings['moderation'], 'premoderateAll' | 'newReaderPremoderateCount'>,
  standingRead: Promise<ReaderStanding | undefined>,
): Promise<string | null> {
  if (actor.role !== 'reader' && actor.role !== 'guest') return null;
  if (moderation.premoderateAll) return 'Every comment on this site is reviewed by a moderator before it appears.';
  if (article.premoderate) return 'Comments on this article are reviewed by a moderator before they appear.';
  const standing = await standingRead;
  if (standing?.premoderate) return 'Your comments are reviewed by a moderator before they appear.';
  const first = moderation.newReaderPremoderateCount;
  if (first <= 0) return null;
  const author = actor.userId ? { userId: actor.userId } : actor.guestKey ? { guestKey: actor.guestKey } : undefined;
  const approved = author ? (await authorHistory(deps.db, author, { recentLimit: 0 })).approvedCount : 0;
  if (approved >= first) return null;
  return first === 1
    ? 'Your first comment is reviewed by a moderator before it appears.'
    : `Your first ${first} comments are reviewed by a moderator before they appear.`;
}

/**
 * What the section tells this viewer before they write, in the shape the markup and the comments JSON
 * share: a sanction (worded, its end in the site's zone and locale) replaces the form; otherwise why
 * their comment will wait for review. Nothing to say on a closed article.
 */
export async function viewerNotices(
  deps: Pick<CommentsDeps, 'db' | 'now' | 'guestStanding'>,
  actor: CommentActor,
  article: { premoderate: boolean },
  settings: Pick<SiteSettings, 'site' | 'moderation'>,
  network: string | null,
  closed: boolean,
): Promise<ViewerView> {
  const base = { signedIn: actor.userId !== null, name: actor.displayName };
  if (closed) return { ...base, sanction: null, reviewFirst: null };
  // Both read the reader's standing: once.
  const standing = readerStanding(deps, actor);
  const sanction = await viewerSanction(deps, actor, network, standing);
  if (sanction) return { ...base, sanction: { ...sanction, message: sanctionText(sanction, settings.site) }, reviewFirst: null };
  return { ...base, sanction: null, reviewFirst: await reviewFirstNotice(deps, actor, article, settings.moderation, standing) };
}
