export { commentErrors } from './errors.js';
export { embedCors } from './cors.js';
export { isEmbedPath } from './embed-paths.js';
export { commentSlots, commentsDeps, commentsPlugin, type CommentsPluginOptions } from './plugin.js';
export { getCommentsByIds, readerCommentHistory, setCommentStatus } from './status.js';
export { postComment, editComment, deleteComment } from './service.js';
export { listThreads, listReplies } from './read.js';
export { processReplyNotifications } from './notifications.js';
export { articleChannel, MODERATION_CHANNEL } from './events.js';
export { liveArticleChannels } from './live.js';
export { seedDemoComments } from './seed.js';
export type { CommentActor, CommentSort, CommentsDeps, DecisionRecorder, PublicComment, SystemDecision, ThreadReply, ThreadView } from './types.js';
export type { AuthorHistory, CommentRow } from './queries.js';
export { commentsByAuthor, type AuthorComment } from './author-comments.js';
// What imports and data-rights tools write and read (src/transfer), as one contract.
export * from './import-writer.js';
// The domain's contract (contract.ts): what routes, other domains and client/ rely on.
export type { ArticleCommentEvent, CommentQueueEvent, SectionJson } from './contract.js';
