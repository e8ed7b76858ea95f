import { createHash, createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Row } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { preparedQuery } from '../db/prepared.js';
import type { GuestStanding, GuestStandingSource } from '../moderation/index.js';

type Db = Kysely<Database>;
type SanctionDeps = { db: Db; now: () => Date };

/** The key guests' networks are hashed with: from the site secret, so a leaked table names no address. */
export function guestNetworkSalt(secret: string): Buffer {
  return createHash('sha256').update(`tribune:guest-sanction-network:${secret}`).digest();
}

export function networkHash(salt: Buffer, network: string): string {
  return createHmac('sha256', salt).update(network).digest('base64url').slice(0, 32);
}

/** Sanctions not lifted and not ended: a ban, or a suspension whose end is still ahead. */
function inForce(db: Db, now: Date) {
  return db
    .selectFrom('guest_sanctions')
    .selectAll()
    .where('lifted_at', 'is', null)
    .where((eb) => eb.or([eb('status', '=', 'banned'), eb('until', '>', now.toISOString())]));
}

/** In force for this cookie or this network (an empty argument matches nothing), newest first. */
const sanctionsInForce = preparedQuery<{ guestKey: string; networkHash: string; now: string }>()((db, arg) => db
  .selectFrom('guest_sanctions')
  .selectAll()
  .where('lifted_at', 'is', null)
  .where((eb) => eb.or([eb('status', '=', 'banned'), eb('until', '>', arg('now'))]))
  .where((eb) => eb.or([eb('guest_key', '=', arg('guestKey')), eb('network_hash', '=', arg('networkHash'))]))
  .orderBy('id', 'desc'));

export async function guestSanctionFor(db: Db, guestKey: string, now: Date): Promise<Row<'guest_sanctions'> | undefined> {
  return inForce(db, now).where('guest_key', '=', guestKey).orderBy('id', 'desc').executeTakeFirst();
}

export async function guestSanctionsFor(db: Db, guestKeys: readonly string[], now: Date): Promise<Map<string, Row<'guest_sanctions'>>> {
  if (guestKeys.length === 0) return new Map();
  const rows = await inForce(db, now).where('guest_key', 'in', [...new Set(guestKeys)]).orderBy('id', 'asc').execute();
  return new Map(rows.map((row) => [row.guest_key, row]));
}

/** An ended suspension keeps nothing about where the guest came from. */
export async function forgetEndedNetworks(db: Db, now: Date): Promise<void> {
  await db.updateTable('guest_sanctions').set({ network_hash: null }).where('network_hash', 'is not', null).where('status', '=', 'suspended').where('until', '<=', now.toISOString()).execute();
}

export async function imposeGuestSanction(
  db: Db,
  input: { guestKey: string; status: 'suspended' | 'banned'; until: string | null; reason: string; actorId: string; commentId: string | null; now: Date },
): Promise<void> {
  const time = input.now.toISOString();
  // A new sanction replaces the one in force, and carries over the network it was seen from.
  const previous = await guestSanctionFor(db, input.guestKey, input.now);
  await liftGuestSanctions(db, input.guestKey, input.now);
  await db
    .insertInto('guest_sanctions')
    .values({
      id: newId(input.now), guest_key: input.guestKey, network_hash: previous?.network_hash ?? null, status: input.status, until: input.until,
      reason: input.reason, actor_id: input.actorId, comment_id: input.commentId, created_at: time, lifted_at: null,
    })
    .execute();
}

/** Lifts every sanction on this guest and erases the networks they held. */
export async function liftGuestSanctions(db: Db, guestKey: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('guest_sanctions')
    .set({ lifted_at: now.toISOString(), network_hash: null })
    .where('guest_key', '=', guestKey)
    .where('lifted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function toStanding(row: Row<'guest_sanctions'>): GuestStanding {
  return { status: row.status, until: row.status === 'suspended' ? row.until : null };
}

/**
 * What the comments domain asks before a guest posts. A sanctioned cookie records the network it is
 * seen from (hashed), so clearing cookies does not lift the sanction; a cookie-less guest from that
 * network is held to it too. Networks are kept only while the sanction is in force.
 */
const SWEEP_EVERY_MS = 60_000;

export function createGuestStanding(deps: SanctionDeps & { secret: string }): GuestStandingSource {
  let lastSweep = Number.NEGATIVE_INFINITY;
  const salt = guestNetworkSalt(deps.secret);
  return {
    async standing({ guestKey, network }) {
      // Every anonymous page render asks: with nothing to look up, that costs no query.
      if (!guestKey && !network) return undefined;
      const now = deps.now();
      // Lookups match only sanctions in force, so erasing ended ones' networks is for privacy, not
      // correctness: once a minute is soon enough, and keeps a write off every comment read.
      if (now.getTime() - lastSweep >= SWEEP_EVERY_MS) {
        lastSweep = now.getTime();
        await forgetEndedNetworks(deps.db, now);
      }
      const hash = network ? networkHash(salt, network) : null;
      // One read for both: the cookie's own sanction first, else the newest on its network.
      const found = await sanctionsInForce(deps.db, { guestKey: guestKey ?? '', networkHash: hash ?? '', now: now.toISOString() });
      const byCookie = guestKey ? found.find((row) => row.guest_key === guestKey) : undefined;
      if (byCookie) {
        if (hash && byCookie.network_hash !== hash) {
          await deps.db.updateTable('guest_sanctions').set({ network_hash: hash }).where('id', '=', byCookie.id).execute();
        }
        return toStanding(byCookie);
      }
      const byNetwork = hash ? found.find((row) => row.network_hash === hash) : undefined;
      return byNetwork ? toStanding(byNetwork) : undefined;
    },
  };
}
