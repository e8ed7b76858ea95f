import { defineErrors } from '../errors.js';

export const commentErrors = defineErrors({
  COMMENT_ARTICLE_UNKNOWN: { status: 404, message: 'No such article.' },
  COMMENT_NOT_FOUND: { status: 404, message: 'No such comment.' },
  COMMENT_EMPTY: { status: 400, message: 'Write something first: the comment is empty.' },
  COMMENT_TOO_LONG: { status: 413, message: 'The comment is too long.' },
  COMMENT_PARENT_INVALID: { status: 400, message: 'The comment you are replying to is not part of this discussion.' },
  COMMENTS_CLOSED: { status: 403, message: 'Comments are closed on this article.' },
  GUESTS_NOT_ALLOWED: { status: 401, message: 'Sign in to comment: this site does not take comments from guests.' },
  GUEST_NAME_REQUIRED: { status: 400, message: 'Give a name to show with your comment.' },
  GUEST_EMAIL_INVALID: { status: 400, message: 'The email address does not look right.' },
  NOT_YOUR_COMMENT: { status: 403, message: 'You can only change your own comments.' },
  EDIT_WINDOW_CLOSED: { status: 403, message: 'The time to edit or delete this comment has passed.' },
  COMMENT_NOT_EDITABLE: { status: 403, message: 'This comment can no longer be changed.' },
  COMMENT_REJECTED: { status: 422, message: 'This comment breaks our rules and was not published.' },
  NUDGE: { status: 422, message: 'This may break our rules — edit or post anyway' },
  COMMENT_CURSOR_INVALID: { status: 400, message: 'This page link is not valid any more; start from the first page.' },
  COMMENT_NOT_REACTABLE: { status: 400, message: 'Only published comments take reactions and reports.' },
});
