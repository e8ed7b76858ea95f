// Every channel of the bus with the events it carries. Each domain defines its events in its
// contract.ts; this map only says where they travel, so a publish or a subscription with the wrong
// event for its channel does not compile. Plain JSON only: events may cross Redis.
import type { ArticlesEvent } from '../articles/index.js';
import type { ArticleCommentEvent, CommentQueueEvent } from '../comments/index.js';
import type { CurrentDriveEvent, DriveEvent } from '../donations/index.js';
import type { AdaptationEvent } from '../moderation/index.js';
import type { ModerationActionEvent } from '../moderation-queue/index.js';
import type { SettingsEvent } from '../settings/index.js';
import type { PageCacheEvent } from '../web/page-cache-events.js';

export interface EventChannels {
  /** An article's comments and reactions, for its open pages (replayed on reconnect). */
  [article: `article:${string}`]: ArticleCommentEvent;
  /** What the moderation queues show: comments held or reported, and moderators' actions. */
  moderation: CommentQueueEvent | ModerationActionEvent;
  articles: ArticlesEvent;
  settings: SettingsEvent;
  /** A donation drive's totals and settings, for its meters. */
  [drive: `drive:${string}`]: DriveEvent;
  drives: CurrentDriveEvent;
  'site-adaptation': AdaptationEvent;
  'page-cache': PageCacheEvent;
}

export type Channel = keyof EventChannels;
/** The events of one channel (of any channel, for `Channel`). */
export type EventOn<C extends Channel> = EventChannels[C];
/** Any event on the bus. */
export type TribuneEvent = EventChannels[Channel];
/** Every event type there is, for code that handles events of several channels. */
export type EventType = TribuneEvent['type'];
