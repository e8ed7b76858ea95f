import type { FastifyPluginAsync } from 'fastify';
import type { Mailer } from '../mail/index.js';
import type { AdaptationSource, AssessPool, FeaturedSource, GuestStandingSource } from '../moderation/index.js';
import type { Deps } from '../runtime.js';
import type { ArticleSlotContext, PageSlots } from '../web/slots.js';
import { commentFormRoutes } from './form-routes.js';
import { reactionSalt } from './guest.js';
import { perReaderPostLimit } from './limits.js';
import { liveRoutes } from './live.js';
import { startReplyNotifier } from './notifications.js';
import { publishedCounts } from './queries.js';
import { commentApiRoutes } from './routes.js';
import { renderCommentSection, sharedSectionVariant } from './section.js';
import type { CommentActor, CommentsDeps, DecisionRecorder } from './types.js';
import { widgetRoute } from './widget-route.js';

export interface CommentsPluginOptions {
  deps: Pick<Deps, 'db' | 'now' | 'settings' | 'events' | 'config' | 'log'>;
  mailer: Mailer;
  /** The site's learned moderation adjustment, for assessing new comments and edits. */
  adaptation?: AdaptationSource;
  /** Guests' sanctions, from the moderation queue. */
  guestStanding?: GuestStandingSource;
  /** Comments featured from the queue, in the comments JSON the embedded widget draws. */
  featured?: FeaturedSource;
  /** The moderation log's writer for the pipeline's holds and rejections, called inside the comment's transaction. */
  recordDecision: DecisionRecorder;
  /** Scores comments off the main thread (moderation's assess pool); absent: in-process. */
  assess?: AssessPool['assess'];
  /** How often the reply-notification outbox is checked. */
  notifyIntervalMs?: number;
  heartbeatMs?: number;
}

export function commentsDeps(deps: CommentsPluginOptions['deps'], adaptation?: AdaptationSource, guestStanding?: GuestStandingSource): CommentsDeps {
  return {
    db: deps.db, now: deps.now, settings: deps.settings, events: deps.events, baseUrl: deps.config.baseUrl,
    ...(adaptation ? { adaptation } : {}), ...(guestStanding ? { guestStanding } : {}),
  };
}

/** Threads API, no-JavaScript forms, the live stream, `/widget.js`, and the reply-notification sender. */
export const commentsPlugin: FastifyPluginAsync<CommentsPluginOptions> = async (app, options) => {
  const deps: CommentsDeps = { ...commentsDeps(options.deps, options.adaptation, options.guestStanding), recordDecision: options.recordDecision, ...(options.assess ? { assess: options.assess } : {}), ...(options.featured ? { featured: options.featured } : {}) };
  const secureCookies = options.deps.config.baseUrl.startsWith('https:');
  const readerLimit = perReaderPostLimit(app, deps.settings);
  const networkSalt = reactionSalt(options.deps.config.secret);
  await app.register(commentApiRoutes, { ...deps, secureCookies, readerLimit, networkSalt });
  await app.register(commentFormRoutes, { ...deps, secureCookies, readerLimit, networkSalt });
  await app.register(liveRoutes, { ...deps, heartbeatMs: options.heartbeatMs ?? 25_000 });
  await app.register(widgetRoute);
  const stopNotifier = startReplyNotifier(
    { ...deps, mailer: options.mailer, secret: options.deps.config.secret, log: options.deps.log },
    options.notifyIntervalMs ?? 30_000,
  );
  app.addHook('onClose', async () => {
    stopNotifier();
    options.mailer.close();
  });
};

/** The comment section and counts other domains' pages draw. */
export function commentSlots(
  pluginDeps: CommentsPluginOptions['deps'],
  extras: { featured?: FeaturedSource; guestStanding?: GuestStandingSource } = {},
): Pick<PageSlots, 'articleComments' | 'articleCommentsVariant' | 'commentCounts'> {
  const deps = { ...commentsDeps(pluginDeps, undefined, extras.guestStanding), ...(extras.featured ? { featured: extras.featured } : {}) };
  const actorOf = ({ viewer }: ArticleSlotContext): CommentActor => ({ userId: viewer?.id ?? null, role: viewer?.role ?? 'guest', displayName: viewer?.displayName ?? null, guestKey: null });
  return {
    articleComments: (context: ArticleSlotContext) => renderCommentSection(deps, context, actorOf(context)),
    articleCommentsVariant: (context: ArticleSlotContext) => sharedSectionVariant(deps, context, actorOf(context)),
    commentCounts: (articleIds: string[]) => publishedCounts(deps.db, articleIds),
  };
}
