import { defineErrors } from '../errors.js';

export const moderationErrors = defineErrors({
  MOD_COMMENT_NOT_FOUND: { status: 404, message: 'No such comment.' },
  MOD_COMMENT_GONE: { status: 409, message: 'The author deleted this comment; there is nothing to decide.' },
  MOD_READER_NOT_FOUND: { status: 404, message: 'No such reader.' },
  MOD_GUEST_AUTHOR: { status: 400, message: 'A guest without an account can be suspended or banned, not warned or pre-moderated.' },
  MOD_GUEST_UNKNOWN: { status: 400, message: 'This guest comment carries no guest identity (it was imported), so only the comment can be decided.' },
  MOD_NOT_A_READER: { status: 403, message: 'Staff accounts are managed on the Staff screen, not by moderators.' },
  MOD_REASON_REQUIRED: { status: 400, message: 'Give a reason: the reader is told why.' },
  MOD_SUSPEND_DAYS_INVALID: { status: 400, message: 'Suspend for 1, 7 or 30 days.' },
  MOD_NO_REPORTS: { status: 409, message: 'This comment has no reports to dismiss.' },
  MOD_LOG_FILTER_INVALID: { status: 400, message: 'This log filter is not valid.' },
  MOD_NOT_FEATURABLE: { status: 409, message: 'Only a published comment can be featured.' },
  MOD_BULK_EMPTY: { status: 400, message: 'Select at least one comment first.' },
  MOD_SETTING_INVALID: { status: 400, message: 'This moderation setting is not valid.' },
  MOD_CURSOR_INVALID: { status: 400, message: 'This page link is not valid any more; start from the first page.' },
});
