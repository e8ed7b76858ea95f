import type { Generated } from 'kysely';

export type DrivePeriod = 'monthly' | 'fixed' | 'open';
export type DonationFrequency = 'once' | 'monthly';
export type DonationProvider = 'stripe' | 'manual' | 'demo';
/** Forward-only: see `donations/status.ts` for the order. */
export type DonationStatus = 'pending' | 'failed' | 'paid' | 'active' | 'refunded' | 'cancelled';
/** `payment`: a first or one-off payment; `renewal`: a later monthly payment; `refund`: a negative entry. */
export type LedgerKind = 'payment' | 'renewal' | 'refund';

/** A fundraising drive; `raised` is never stored here, it is summed from the ledger for the window. */
export interface DonationDrivesTable {
  id: string;
  title: string;
  cta: string;
  /** Integer minor units of `currency`. */
  goal_minor: number;
  /** ISO 4217, upper case. */
  currency: string;
  period: DrivePeriod;
  /** Fixed and open drives: the window's start (UTC instant); null = since forever. */
  starts_at: string | null;
  /** Fixed drives: the window's exclusive end (UTC instant). */
  ends_at: string | null;
  count_renewals: number;
  subtract_refunds: number;
  /** 1 on at most one drive. */
  is_current: number;
  created_at: string;
  updated_at: string;
}

/** What a reader asked to give, before any provider confirms it; its id is the idempotency key. */
export interface DonationIntentsTable {
  id: string;
  drive_id: string | null;
  amount_minor: number;
  currency: string;
  frequency: DonationFrequency;
  public_name: string | null;
  message: string | null;
  article_slug: string | null;
  provider: DonationProvider;
  checkout_session_id: string | null;
  created_at: string;
  /** The reader signed in while giving, if any. */
  user_id: Generated<string | null>;
  /** Lower-cased; asked on the demo flow (Stripe Checkout collects its own). */
  donor_email: Generated<string | null>;
}

/** One gift (a one-off payment or a monthly subscription), keyed by the provider's reference. */
export interface DonationsTable {
  id: string;
  intent_id: string | null;
  drive_id: string | null;
  provider: DonationProvider;
  /** Stripe: the subscription id for monthly gifts, the Checkout Session id for one-off ones. */
  provider_ref: string;
  checkout_session_id: string | null;
  frequency: DonationFrequency;
  amount_minor: number;
  currency: string;
  status: DonationStatus;
  public_name: string | null;
  message: string | null;
  article_slug: string | null;
  /** 1: an admin took it off the donor wall. */
  wall_hidden: Generated<number>;
  /** Lower-cased; where receipts go and how a donor finds their gifts. */
  donor_email: Generated<string | null>;
  /** The Stripe customer, for the billing portal. */
  stripe_customer: Generated<string | null>;
  /** The donor's choice: 1 shows their public name on the donor wall, 0 keeps them anonymous. */
  show_on_wall: Generated<number>;
  /** Monthly gifts: 1 while the donor paused it. */
  paused: Generated<number>;
  /** When Stripe created the event the amount and pause were last taken from (ordering guard). */
  subscription_state_at: Generated<string | null>;
  /** Monthly gifts cancelled at the end of the paid period: active until this instant, then cancelled. */
  cancel_at: Generated<string | null>;
  created_at: string;
  updated_at: string;
}

export type ReceiptStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** The receipt outbox: one per ledger payment, so a redelivered webhook never mails twice. */
export interface DonationReceiptsTable {
  ledger_entry_id: string;
  donation_id: string;
  email: string;
  status: ReceiptStatus;
  attempts: Generated<number>;
  claimed_at: string | null;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

/** Immutable money movements; `provider_ref` is unique so a replayed webhook adds nothing. */
export interface DonationLedgerTable {
  id: string;
  donation_id: string;
  drive_id: string | null;
  kind: LedgerKind;
  provider: DonationProvider;
  provider_ref: string;
  /** The provider's payment (Stripe PaymentIntent) that refunds are matched against. */
  payment_ref: string | null;
  /** Signed integer minor units: refunds are negative. */
  amount_minor: number;
  currency: string;
  occurred_at: string;
  note: string | null;
  recorded_by: string | null;
  created_at: string;
}

/** Stripe event ids already applied, so a redelivery changes nothing. */
export interface StripeEventsTable {
  id: string;
  type: string;
  outcome: string;
  received_at: string;
}

/**
 * A verified Stripe event about a payment not in the ledger yet, kept until that payment is recorded;
 * one row per reference it waits for (a PaymentIntent, an invoice).
 */
export interface StripeParkedEventsTable {
  event_id: string;
  awaiting_ref: string;
  event_type: string;
  /** The event as JSON, applied later exactly as if it had just arrived. */
  payload: string;
  /** What was learned from Stripe when it arrived (`WebhookHints`), as JSON. */
  hints: string;
  /** When Stripe created the event: parked events are applied in this order. */
  occurred_at: string;
  parked_at: string;
}

export interface DonationsTables {
  donation_drives: DonationDrivesTable;
  donation_intents: DonationIntentsTable;
  donations: DonationsTable;
  donation_ledger: DonationLedgerTable;
  stripe_events: StripeEventsTable;
  stripe_parked_events: StripeParkedEventsTable;
  donation_receipts: DonationReceiptsTable;
}
