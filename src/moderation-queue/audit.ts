import { findReaderStandings } from '../accounts/index.js';
import { getCommentsByIds, MODERATION_CHANNEL, type DecisionRecorder } from '../comments/index.js';
import type { ModerationActionKind } from '../db/schema.js';
import { newId } from '../db/ids.js';
import * as queries from './queries.js';
import type { AuditEntry, QueueDeps } from './types.js';

type AuditDeps = Pick<QueueDeps, 'db' | 'now'>;

export interface NewAction {
  commentId?: string | null;
  userId?: string | null;
  /** Null: the system. */
  actorId: string | null;
  action: ModerationActionKind;
  reason?: string;
  detail?: Record<string, unknown>;
  /** Stored once, however often it is written: a report heard twice, a system decision retried. */
  eventKey?: string;
  createdAt?: string;
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
/** The last id handed out per millisecond prefix (a few recent ones). */
const lastIds = new Map<string, string>();

/** The next id after `id` in base 36, keeping its time prefix. */
function successor(id: string): string {
  const chars = id.split('');
  for (let i = chars.length - 1; i >= 9; i--) {
    const digit = DIGITS.indexOf(chars[i]);
    if (digit < 35) {
      chars[i] = DIGITS[digit + 1];
      return chars.join('');
    }
    chars[i] = '0';
  }
  return id;
}

/** Time-sortable like `newId`, and increasing within one millisecond in this process, so order holds. */
function auditId(at: Date): string {
  let id = newId(at);
  const prefix = id.slice(0, 9);
  const last = lastIds.get(prefix);
  if (last && id <= last) id = successor(last);
  lastIds.delete(prefix);
  lastIds.set(prefix, id);
  if (lastIds.size > 32) lastIds.delete(lastIds.keys().next().value as string);
  return id;
}

export async function recordAction(deps: AuditDeps, action: NewAction): Promise<boolean> {
  const now = deps.now();
  return queries.insertAction(deps.db, {
    // Ids sort like `created_at`, also for decisions recorded after the fact.
    id: auditId(action.createdAt ? new Date(action.createdAt) : now),
    comment_id: action.commentId ?? null,
    user_id: action.userId ?? null,
    actor_id: action.actorId,
    action: action.action,
    reason: (action.reason ?? '').slice(0, 1000),
    detail: JSON.stringify(action.detail ?? {}),
    event_key: action.eventKey ?? null,
    created_at: action.createdAt ?? now.toISOString(),
  });
}

function parse<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

/**
 * The log's writer for the pipeline's holds and rejections, which the comments domain calls with the
 * transaction that stores the comment: a held comment is never without its `system_hold` row.
 */
export function systemDecisionRecorder(deps: Pick<AuditDeps, 'now'>): DecisionRecorder {
  return async (db, decision) => {
    await recordAction({ db, now: deps.now }, {
      commentId: decision.commentId,
      userId: decision.authorId,
      actorId: null,
      action: decision.decision === 'reject' ? 'system_reject' : 'system_hold',
      reason: decision.reasons.map((reason) => reason.message).join(' ') || 'Held for review.',
      detail: { reasons: decision.reasons, scores: decision.scores },
      eventKey: `system:${decision.commentId}:${decision.at}`,
      createdAt: decision.at,
    });
  };
}

/** Writes each reader report on a comment into the log, once per report. */
export async function recordFlags(deps: AuditDeps, commentId: string): Promise<void> {
  const [author] = await getCommentsByIds(deps, [commentId]);
  if (!author) return;
  for (const flag of await queries.flagsFor(deps.db, [commentId])) {
    await recordAction(deps, {
      commentId,
      userId: author.author_id,
      actorId: flag.reporter_user_id,
      action: 'flag',
      reason: flag.reason,
      detail: { note: flag.note },
      eventKey: `flag:${flag.id}`,
      createdAt: flag.created_at,
    });
  }
}

export interface AuditRecorder {
  stop(): void;
  /** Resolves when every event heard so far is recorded (tests, shutdown). */
  idle(): Promise<void>;
}

/** Listens on the moderation channel and records readers' reports as they happen. */
export function startAuditRecorder(deps: Pick<QueueDeps, 'db' | 'now' | 'events' | 'log'>): AuditRecorder {
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const tracked = work.catch((error: unknown) => deps.log.error({ err: error }, 'moderation audit: recording failed'));
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
  };
  const stop = deps.events.subscribe(MODERATION_CHANNEL, (event) => {
    if (event.type === 'comment.flagged') track(recordFlags(deps, event.commentId));
  });
  return {
    stop,
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}

/** Audit rows as moderators read them, with the acting staff member's name. */
export async function toAuditEntries(deps: Pick<QueueDeps, 'db'>, rows: readonly queries.ActionRow[]): Promise<AuditEntry[]> {
  const actors = await findReaderStandings(deps.db, rows.flatMap((row) => (row.actor_id ? [row.actor_id] : [])));
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    reason: row.reason,
    detail: parse<Record<string, unknown>>(row.detail, {}),
    commentId: row.comment_id,
    userId: row.user_id,
    actor: row.actor_id ? { id: row.actor_id, name: actors.get(row.actor_id)?.displayName ?? 'Former user' } : null,
    createdAt: row.created_at,
  }));
}
