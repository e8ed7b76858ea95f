import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Row } from '../db/schema.js';
import { MailDeliveryError } from '../mail/index.js';
import { escapeHtml } from '../web/html.js';
import { PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER } from './email.js';
import { startDueSends } from './sends.js';
import { markBounced } from './subscriptions.js';
import { preferencesUrl, unsubscribeUrl } from './tokens.js';
import { trackRecipient } from './tracking.js';
import type { NewslettersDeps } from './types.js';

/**
 * A claimed delivery is this worker's for this long, renewed right before its mail is handed over; a
 * crashed worker's rows come back after it (at once when the crashed worker ran on this host, below).
 * One SMTP transaction slower than this could be sent twice, by this worker and by the one that took
 * the row over: keep the transport's socket timeout under it.
 */
export const LEASE_MS = 60_000;
export const MAX_ATTEMPTS = 6;
/** After the 1st, 2nd, … soft failure. */
const BACKOFF_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 60 * 60_000];
const BATCH_SIZE = 25;

type Delivery = Row<'newsletter_deliveries'>;

export interface WorkerStats {
  sent: number;
  softFailed: number;
  bounced: number;
  skipped: number;
}

/**
 * How many mails may leave now without passing the per-minute rate across every instance: the limit
 * less what was handed to the relay in the last minute and what other workers hold leased.
 */
async function allowance(deps: NewslettersDeps, perMinute: number): Promise<number> {
  const now = deps.now();
  const since = new Date(now.getTime() - 60_000).toISOString();
  const [recent, leased] = await Promise.all([
    deps.db.selectFrom('newsletter_deliveries').select((eb) => eb.fn.countAll<number>().as('count')).where('sent_at', '>=', since).executeTakeFirstOrThrow(),
    deps.db.selectFrom('newsletter_deliveries').select((eb) => eb.fn.countAll<number>().as('count')).where('status', '=', 'sending').where('lease_until', '>', now.toISOString()).executeTakeFirstOrThrow(),
  ]);
  return perMinute - Number(recent.count) - Number(leased.count);
}

/**
 * Claims up to `limit` due deliveries for `owner`: queued ones whose time has come, and leased ones
 * whose lease ran out (their worker died). On PostgreSQL `FOR UPDATE SKIP LOCKED` lets several
 * instances claim at once without waiting on or taking each other's rows; SQLite has one writer, so the
 * single statement is already exclusive.
 */
export async function claimDeliveries(deps: Pick<NewslettersDeps, 'db' | 'dialect' | 'now'>, owner: string, limit: number): Promise<Delivery[]> {
  const now = deps.now().toISOString();
  const leaseUntil = new Date(deps.now().getTime() + LEASE_MS).toISOString();
  const lock = deps.dialect === 'postgres' ? sql`for update skip locked` : sql``;
  const result = await sql<Delivery>`
    update newsletter_deliveries
    set status = 'sending', lease_owner = ${owner}, lease_until = ${leaseUntil}, attempts = attempts + 1
    where id in (
      select id from newsletter_deliveries
      where (status = 'queued' and next_attempt_at <= ${now}) or (status = 'sending' and lease_until <= ${now})
      order by next_attempt_at, id
      limit ${limit}
      ${lock}
    )
    returning *
  `.execute(deps.db);
  return [...result.rows].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Deliveries whose reader left the list (or bounced) after the send started are not sent. */
async function stillSubscribed(deps: Pick<NewslettersDeps, 'db'>, deliveries: Delivery[]): Promise<Set<string>> {
  if (deliveries.length === 0) return new Set();
  const rows = await deps.db
    .selectFrom('newsletter_deliveries as d')
    .innerJoin('newsletter_sends as send', 'send.id', 'd.send_id')
    .innerJoin('newsletter_subscribers as s', 's.id', 'd.subscriber_id')
    .innerJoin('newsletter_subscriptions as ns', (join) => join.onRef('ns.subscriber_id', '=', 'd.subscriber_id').onRef('ns.newsletter_id', '=', 'send.newsletter_id'))
    .where('d.id', 'in', deliveries.map((delivery) => delivery.id))
    .where('s.status', '=', 'active')
    .where('send.status', '=', 'sending')
    .select('d.id')
    .execute();
  return new Set(rows.map((row) => row.id));
}

function personalise(template: string, unsubscribe: string, preferences: string): string {
  return template.split(UNSUBSCRIBE_PLACEHOLDER).join(unsubscribe).split(PREFERENCES_PLACEHOLDER).join(preferences);
}

/**
 * One pass: start due sends, claim a batch within the rate, send each mail and record its outcome.
 * Each delivery is marked `sent` by its own statement right after the relay accepted it (and only if
 * this worker still holds its lease), so the one window for a duplicate is a crash between the relay's
 * 250 reply and that statement's commit: a few milliseconds per mail, one mail per worker at a time.
 * The other is a single SMTP transaction outlasting the lease (see LEASE_MS).
 */
export async function deliverBatch(deps: NewslettersDeps, owner: string): Promise<WorkerStats> {
  const stats: WorkerStats = { sent: 0, softFailed: 0, bounced: 0, skipped: 0 };
  await startDueSends(deps);
  const settings = await deps.settings.get();
  const limit = Math.min(BATCH_SIZE, await allowance(deps, settings.newsletters.emailsPerMinute));
  if (limit <= 0) return stats;
  const deliveries = await claimDeliveries(deps, owner, limit);
  if (deliveries.length === 0) {
    await finishSends(deps);
    return stats;
  }
  const subscribed = await stillSubscribed(deps, deliveries);
  const sendIds = [...new Set(deliveries.map((delivery) => delivery.send_id))];
  const sends = new Map(
    (await deps.db.selectFrom('newsletter_sends as s').innerJoin('newsletters as n', 'n.id', 's.newsletter_id').select(['s.id', 's.subject', 's.body_html', 's.body_text', 's.newsletter_id', 's.tracked_links', 'n.slug']).where('s.id', 'in', sendIds).execute()).map((send) => [send.id, send]),
  );
  const host = new URL(deps.config.baseUrl).hostname;
  let leasedAt = deps.now().getTime();
  let lost = new Set<string>();

  for (const delivery of deliveries) {
    const owned = () => deps.db.updateTable('newsletter_deliveries').where('id', '=', delivery.id).where('lease_owner', '=', owner).where('status', '=', 'sending');
    const send = sends.get(delivery.send_id);
    if (!send || !subscribed.has(delivery.id)) {
      await owned().set({ status: 'skipped', lease_owner: null, lease_until: null }).execute();
      stats.skipped += 1;
      continue;
    }
    // Renew the batch's leases once a third of the lease has passed, and drop rows another worker
    // took over meanwhile: a worker that stalled past its lease has lost them.
    if (deps.now().getTime() - leasedAt >= LEASE_MS / 3) {
      leasedAt = deps.now().getTime();
      const kept = await deps.db
        .updateTable('newsletter_deliveries')
        .set({ lease_until: new Date(leasedAt + LEASE_MS).toISOString() })
        .where('id', 'in', deliveries.map((row) => row.id))
        .where('lease_owner', '=', owner)
        .where('status', '=', 'sending')
        .returning('id')
        .execute();
      lost = new Set(deliveries.map((row) => row.id).filter((id) => !kept.some((row) => row.id === id)));
    }
    if (lost.has(delivery.id)) continue;
    const unsubscribe = `${unsubscribeUrl(deps.config.baseUrl, deps.config.secret, delivery.subscriber_id)}&newsletter=${encodeURIComponent(send.slug)}&send=${encodeURIComponent(send.id)}`;
    const preferences = preferencesUrl(deps.config.baseUrl, deps.config.secret, delivery.subscriber_id);
    // An untracked send's HTML goes out exactly as rendered; a tracked one's gets this recipient's tokens.
    const bodyHtml = send.tracked_links === null
      ? send.body_html ?? ''
      : trackRecipient(send.body_html ?? '', JSON.parse(send.tracked_links) as string[], { baseUrl: deps.config.baseUrl, secret: deps.config.secret, sendId: send.id, subscriberId: delivery.subscriber_id });
    try {
      const receipt = await deps.mailer.send({
        to: delivery.email,
        subject: send.subject,
        text: personalise(send.body_text ?? '', unsubscribe, preferences),
        html: personalise(bodyHtml, escapeHtml(unsubscribe), escapeHtml(preferences)),
        headers: {
          'List-Unsubscribe': `<${unsubscribe}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'List-Id': `<${send.slug}.${host}>`,
          'X-Tribune-Delivery': delivery.id,
        },
      });
      await owned().set({ status: 'sent', sent_at: deps.now().toISOString(), smtp_response: receipt.response.slice(0, 300), lease_owner: null, lease_until: null, last_error: null }).execute();
      stats.sent += 1;
    } catch (error) {
      const failure = error instanceof MailDeliveryError ? error : new MailDeliveryError(error instanceof Error ? error.message : String(error), false, undefined, '');
      const reason = (failure.response || failure.message).slice(0, 500);
      if (failure.permanent) {
        await deps.db.transaction().execute(async (trx) => {
          await trx.updateTable('newsletter_deliveries').set({ status: 'bounced', last_error: reason, lease_owner: null, lease_until: null }).where('id', '=', delivery.id).where('lease_owner', '=', owner).execute();
          await markBounced(trx, deps.now(), delivery.subscriber_id, reason);
        });
        stats.bounced += 1;
      } else {
        const giveUp = delivery.attempts >= MAX_ATTEMPTS;
        const retryAt = new Date(deps.now().getTime() + BACKOFF_MS[Math.min(delivery.attempts - 1, BACKOFF_MS.length - 1)]).toISOString();
        await owned().set({ status: giveUp ? 'failed' : 'queued', next_attempt_at: retryAt, last_error: reason, lease_owner: null, lease_until: null }).execute();
        stats.softFailed += 1;
        deps.log.warn({ deliveryId: delivery.id, attempts: delivery.attempts, err: failure.message }, giveUp ? 'newsletter delivery failed for good' : 'newsletter delivery will be retried');
      }
    }
  }
  await finishSends(deps);
  return stats;
}

/** Sends with nothing left queued or leased are done. */
export async function finishSends(deps: Pick<NewslettersDeps, 'db' | 'now'>): Promise<void> {
  await deps.db
    .updateTable('newsletter_sends')
    .set({ status: 'done', finished_at: deps.now().toISOString() })
    .where('status', '=', 'sending')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('newsletter_deliveries').select('id').whereRef('newsletter_deliveries.send_id', '=', 'newsletter_sends.id').where('status', 'in', ['queued', 'sending']))))
    .execute();
}

function ownerPid(owner: string, host: string): number | undefined {
  const [ownerHost, pid] = owner.split(' ');
  return ownerHost === host && /^\d+$/.test(pid ?? '') ? Number(pid) : undefined;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * After a crash and restart on the same host, the dead process's leases need not run out: its pid is
 * gone (or is ours, as in a container restarted with pid 1), so its rows go back to the queue now.
 */
export async function releaseDeadLocalLeases(deps: Pick<NewslettersDeps, 'db'>, owner: string): Promise<number> {
  const host = hostname();
  const owners = await deps.db.selectFrom('newsletter_deliveries').select('lease_owner').distinct().where('status', '=', 'sending').execute();
  let released = 0;
  for (const { lease_owner: other } of owners) {
    if (!other || other === owner) continue;
    const pid = ownerPid(other, host);
    if (pid === undefined || (pid !== process.pid && processAlive(pid))) continue;
    const result = await deps.db.updateTable('newsletter_deliveries').set({ status: 'queued', lease_owner: null, lease_until: null }).where('status', '=', 'sending').where('lease_owner', '=', other).executeTakeFirst();
    released += Number(result.numUpdatedRows);
  }
  return released;
}

export interface NewsletterWorker {
  start(): void;
  /** Run a pass soon (a send was just scheduled). */
  wake(): void;
  stop(): Promise<void>;
  /** Resolves after the next complete pass (tests). */
  idle(): Promise<void>;
}

/**
 * The sending loop of one instance. Every instance runs one; they share the work through the leases.
 * Busy: passes back to back. Idle: one every `idleMs`.
 */
export function createNewsletterWorker(deps: NewslettersDeps, options: { idleMs?: number } = {}): NewsletterWorker {
  const owner = `${hostname()} ${process.pid} ${randomBytes(6).toString('hex')}`;
  let released = false;
  const idleMs = options.idleMs ?? 2_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  let wakeAgain = false;
  let waiters: (() => void)[] = [];

  function schedule(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void pass(), delay);
  }

  async function pass() {
    if (running || stopped) return;
    let busy = false;
    running = (async () => {
      try {
        if (!released) {
          const count = await releaseDeadLocalLeases(deps, owner);
          if (count > 0) deps.log.warn({ count }, 'newsletter deliveries of a crashed process on this host are queued again');
          released = true;
        }
        const stats = await deliverBatch(deps, owner);
        busy = stats.sent + stats.softFailed + stats.bounced + stats.skipped > 0;
      } catch (error) {
        deps.log.error({ err: error }, 'newsletter worker pass failed');
      }
    })();
    await running;
    running = undefined;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
    schedule(busy || wakeAgain ? 0 : idleMs);
    wakeAgain = false;
  }

  return {
    start() {
      stopped = false;
      schedule(0);
    },
    wake() {
      if (running) wakeAgain = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    idle() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        if (!running) schedule(0);
      });
    },
  };
}
