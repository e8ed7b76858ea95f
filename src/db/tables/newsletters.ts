import type { Generated } from 'kysely';

/** `pending`: asked, not confirmed; `bounced`: the relay refused the address permanently. */
export type SubscriberStatus = 'pending' | 'active' | 'unsubscribed' | 'bounced';
export type SubscriberSource = 'form' | 'account' | 'import' | 'admin';
/** `scheduled` waits for its time or its article's publication; `sending` has its deliveries queued. */
export type SendStatus = 'draft' | 'scheduled' | 'sending' | 'done' | 'cancelled';
export type SendKind = 'article' | 'digest';
/** `sending`: leased by a worker; `bounced`: 5xx at RCPT/DATA; `failed`: gave up after retries; `skipped`: unsubscribed before its turn. */
export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'bounced' | 'skipped';

export interface NewslettersTable {
  id: string;
  slug: string;
  name: string;
  description: Generated<string>;
  position: Generated<number>;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewsletterSubscribersTable {
  id: string;
  /** Lower-cased. */
  email: string;
  status: SubscriberStatus;
  first_name: Generated<string>;
  last_name: Generated<string>;
  source: SubscriberSource;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  bounced_at: string | null;
  bounce_reason: string | null;
  /** Last confirmation mail, so one address gets at most one every few minutes. */
  confirmation_sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewsletterSubscriptionsTable {
  subscriber_id: string;
  newsletter_id: string;
  created_at: string;
}

export interface NewsletterSendsTable {
  id: string;
  newsletter_id: string;
  kind: SendKind;
  /** JSON array of article ids, in the order they appear. */
  article_ids: string;
  subject: string;
  intro: string;
  status: SendStatus;
  /** Not before this instant; null = as soon as its articles are published. */
  send_after: string | null;
  /** Rendered once when the send starts, with per-recipient placeholders. */
  body_html: string | null;
  body_text: string | null;
  total: Generated<number>;
  created_by: string | null;
  created_at: string;
  queued_at: string | null;
  finished_at: string | null;
  /** JSON array of the links a tracked send may redirect to; null = sent without open and click counting. */
  tracked_links: Generated<string | null>;
}

export interface NewsletterDeliveriesTable {
  id: string;
  send_id: string;
  subscriber_id: string;
  email: string;
  status: DeliveryStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  smtp_response: string | null;
  sent_at: string | null;
  /** The recipient used this mail's unsubscribe link. */
  unsubscribed_at: string | null;
}

export type EngagementKind = 'open' | 'click';

/** A recipient's first open or click of a tracked send: send, recipient and time, nothing else. */
export interface NewsletterEngagementsTable {
  send_id: string;
  subscriber_id: string;
  kind: EngagementKind;
  at: string;
}

export interface NewslettersTables {
  newsletters: NewslettersTable;
  newsletter_subscribers: NewsletterSubscribersTable;
  newsletter_subscriptions: NewsletterSubscriptionsTable;
  newsletter_sends: NewsletterSendsTable;
  newsletter_deliveries: NewsletterDeliveriesTable;
  newsletter_engagements: NewsletterEngagementsTable;
}
