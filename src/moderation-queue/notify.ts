import type { SiteSettings } from '../settings/index.js';
import { sanctionEnd } from '../web/sanction-text.js';
import type { QueueDeps } from './types.js';

type NotifyDeps = Pick<QueueDeps, 'settings' | 'mailer' | 'log' | 'baseUrl'>;

export type ReaderNotice =
  | { kind: 'rejected'; articleTitle: string | null; excerpt: string; reason: string }
  | { kind: 'warned'; reason: string }
  | { kind: 'banned'; reason: string }
  | { kind: 'suspended'; reason: string; until: string }
  | { kind: 'featured'; articleTitle: string | null; excerpt: string; url: string };

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

function compose(notice: ReaderNotice, site: string, accountUrl: string, dates: SiteSettings['site']): { subject: string; text: string } {
  switch (notice.kind) {
    case 'rejected':
      return {
        subject: notice.articleTitle ? `Your comment on “${notice.articleTitle}” was not published` : 'Your comment was not published',
        text: `Our moderators did not publish your comment:\n\n> ${excerpt(notice.excerpt)}\n\nWhy: ${notice.reason}\n\nYour rejected comments and the reasons are listed in your account: ${accountUrl}\n\n— ${site}`,
      };
    case 'warned':
      return {
        subject: `A note from the moderators of ${site}`,
        text: `The moderators of ${site} ask you to mind our rules for comments:\n\n${notice.reason}\n\nFurther breaks of the rules may lead to a suspension.\n\n— ${site}`,
      };
    case 'banned':
      return {
        subject: `You can no longer comment on ${site}`,
        text: `Your account may no longer post comments on ${site}.\n\nWhy: ${notice.reason}\n\n— ${site}`,
      };
    case 'featured':
      return {
        subject: notice.articleTitle ? `Your comment on “${notice.articleTitle}” is featured` : 'Your comment is featured',
        text: `The editors of ${site} chose your comment to show first under the article:\n\n> ${excerpt(notice.excerpt)}\n\n${notice.url}\n\nThank you for adding to the conversation.\n\n— ${site}`,
      };
    case 'suspended':
      return {
        subject: `Your comments on ${site} are paused`,
        text: `You cannot post comments on ${site} until ${sanctionEnd(notice.until, dates)}.\n\nWhy: ${notice.reason}\n\n— ${site}`,
      };
  }
}

/**
 * Tells a reader by email what moderators decided. A failed mail never undoes the decision: the
 * reader also finds rejections in their account.
 */
export async function notifyReader(deps: NotifyDeps, email: string | null, notice: ReaderNotice): Promise<void> {
  if (!email) return;
  const { site } = await deps.settings.get();
  const { subject, text } = compose(notice, site.name, `${deps.baseUrl}/account`, site);
  try {
    await deps.mailer.send({ to: email, subject, text });
  } catch (error) {
    deps.log.warn({ err: error, kind: notice.kind }, 'moderation: could not email the reader');
  }
}
