// The site's live stream (`GET /api/live`, client/live/hub.ts): what it sends, by SSE event type.
import type { ArticleCommentEvent } from '../comments/index.js';
import type { MeterEvent } from '../donations/index.js';

/** Events the replay window no longer holds were missed (`upTo`: the newest of them); pages reload. */
export type LiveGapEvent = { type: 'live.gap'; upTo: string };
/** Caught up: the SSE id says where the stream stands. */
export type LiveAtEvent = { type: 'live.at' };

/** Every message of `/api/live`: an article's events carry that article's id, as one stream follows several. */
export type LiveStreamEvent = (ArticleCommentEvent & { articleId: string }) | MeterEvent | LiveGapEvent | LiveAtEvent;
/** `handler(type, data)`, with `data` narrowed by `type`. */
export type LiveStreamArgs = LiveStreamEvent extends infer E ? (E extends { type: infer T } ? [type: T, data: E] : never) : never;
