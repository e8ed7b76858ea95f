import { defineErrors } from '../errors.js';

export const donationErrors = defineErrors({
  DONATION_AMOUNT_INVALID: { status: 400, message: 'The amount must be a positive whole number of minor units.' },
  DONATION_AMOUNT_TOO_SMALL: { status: 400, message: 'The amount is below the smallest gift we can accept.' },
  DONATION_AMOUNT_TOO_LARGE: { status: 400, message: 'The amount is above the largest gift accepted online; please contact us.' },
  DONATION_CURRENCY_UNKNOWN: { status: 400, message: 'The currency is not a known ISO 4217 code.' },
  DONATION_CURRENCY_MISMATCH: { status: 400, message: 'This drive collects in another currency.' },
  DONATION_FIELD_INVALID: { status: 400, message: 'A field of the donation is not valid.' },
  DRIVE_INVALID: { status: 400, message: 'The drive is not valid.' },
  DRIVE_NOT_FOUND: { status: 404, message: 'No such donation drive.' },
  DRIVE_HAS_LEDGER: { status: 409, message: 'Money was given to this drive; make another drive current instead of deleting it.' },
  DRIVE_NONE_CURRENT: { status: 404, message: 'There is no current donation drive.' },
  DONATION_INTENT_NOT_FOUND: { status: 404, message: 'No such donation.' },
  DONATION_NOT_FOUND: { status: 404, message: 'No such donation.' },
  CHECKOUT_UNAVAILABLE: { status: 503, message: 'Online payment is not set up on this site; see the other ways to give.' },
  DEMO_CHECKOUT_DISABLED: { status: 403, message: 'The demo checkout exists only on the demo site without payment keys.' },
  CHECKOUT_FAILED: { status: 502, message: 'The payment provider did not answer; please try again in a moment.' },
  STRIPE_LOOKUP_FAILED: { status: 502, message: 'Stripe could not be asked about this event; it will be redelivered.' },
  WEBHOOK_NOT_CONFIGURED: { status: 503, message: 'No Stripe webhook secret is configured.' },
  WEBHOOK_SIGNATURE_INVALID: { status: 400, message: 'The webhook signature is missing, forged or too old.' },
  WEBHOOK_PAYLOAD_INVALID: { status: 400, message: 'The webhook payload is not a Stripe event.' },
});
