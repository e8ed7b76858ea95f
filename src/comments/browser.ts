/**
 * The comments domain's browser-safe entry: the markup the server's article page and the widget
 * (client/widget, bundled by esbuild) both draw, and the lists behind it. Pure functions from typed
 * data to escaped HTML; nothing here may import Node or the database at run time.
 */
export { articlePath, type MarkupContext } from './markup/context.js';
export { FLAG_REASON_LABELS, FLAG_REASONS, COMMENT_SORT_LABELS } from './markup/lists.js';
export { commentForm, editForm, likes, reportForm, type CommentFormOptions } from './markup/forms.js';
export { commentCard, commentClasses, moreRepliesLink, renderComment, renderReplies, renderThread } from './markup/comment.js';
export { commentSection, composer, featuredBlock, moreThreadsLink, type SectionExtras, type SectionView, type ViewerView } from './markup/section.js';
export { html, type Html } from '../web/html.js';
