import { defineErrors } from '../errors.js';

export const newsletterErrors = defineErrors({
  NEWSLETTER_NOT_FOUND: { status: 404, message: 'No such newsletter.' },
  NEWSLETTER_INVALID: { status: 400, message: 'The newsletter is not valid.' },
  NEWSLETTER_SLUG_TAKEN: { status: 409, message: 'Another newsletter already has this address.' },
  NEWSLETTER_NONE_CHOSEN: { status: 400, message: 'Choose at least one newsletter.' },
  SUBSCRIBE_EMAIL_INVALID: { status: 400, message: 'Enter an email address like name@example.org.' },
  NEWSLETTER_LINK_INVALID: { status: 400, message: 'This link is not valid or has expired.' },
  NEWSLETTER_SEND_INVALID: { status: 400, message: 'The send is not valid.' },
  NEWSLETTER_SEND_NOT_FOUND: { status: 404, message: 'No such send.' },
  NEWSLETTER_SEND_STARTED: { status: 409, message: 'This send has already started.' },
  SUBSCRIBER_CSV_INVALID: { status: 400, message: 'The file is not a subscriber CSV: it needs an email column.' },
});
