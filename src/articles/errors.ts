import { defineErrors } from '../errors.js';

export const articleErrors = defineErrors({
  ARTICLE_NOT_FOUND: { status: 404, message: 'No such article.' },
  TOPIC_NOT_FOUND: { status: 404, message: 'No such topic.' },
  TITLE_REQUIRED: { status: 400, message: 'A title is required.' },
  NAME_REQUIRED: { status: 400, message: 'A name is required.' },
  VALUE_INVALID: { status: 400, message: 'This value is not valid.' },
  TEXT_TOO_LONG: { status: 400, message: 'This text is too long.' },
  MEDIA_TAG_INVALID: { status: 400, message: 'The media tag must be Video, Photos, Map or none.' },
  SLUG_INVALID: { status: 400, message: 'A slug may hold only lower-case letters (of any alphabet), digits and single dashes between them.' },
  SLUG_TAKEN: { status: 400, message: 'This slug is already used; choose another.' },
  SLUG_RESERVED: { status: 400, message: 'A page cannot take this slug: the site already answers at that address. Choose another.' },
  TOPIC_UNKNOWN: { status: 400, message: 'There is no such topic.' },
  AUTHOR_UNKNOWN: { status: 400, message: 'The author must be a staff member.' },
  DATE_INVALID: { status: 400, message: 'The date is not valid; use an ISO 8601 time such as 2025-01-31T09:00:00Z.' },
  SCHEDULE_IN_PAST: { status: 400, message: 'A scheduled time must be in the future.' },
  URL_INVALID: { status: 400, message: 'Use a full http:// or https:// address.' },
  VIDEO_URL_UNSUPPORTED: { status: 400, message: 'Use a YouTube, Vimeo or Rumble link, or a direct .mp4 file.' },
  SOURCE_INVALID: { status: 400, message: 'Every source needs a name and an http:// or https:// address.' },
  ARTICLE_TOO_LONG: { status: 413, message: 'The article body is too long.' },
  ARTICLE_IN_USE: { status: 409, message: 'This article has comments or donations attached; unpublish it instead of deleting it.' },
});
