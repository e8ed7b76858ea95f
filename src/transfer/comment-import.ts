import type { Kysely } from 'kysely';
import { createImportedReader, importedDisplayName, readersByEmail } from '../accounts/index.js';
import { commentPlaces, insertImportedComments, placeOf, type CommentPlace, type ImportedComment } from '../comments/index.js';
import { newId } from '../db/ids.js';
import type { CommentStatus, Database } from '../db/schema.js';
import {
  idScope, knownIds, lookupIds, park, parkedIds, release, releaseWaitingOn, rememberIds, takeAny, takeOrphans,
  type ImportRun, type KnownId, type PendingRecord,
} from './import-ids.js';
import { ALREADY_IMPORTED, type ImportReport } from './report.js';

/** A comment as a source file gives it, before it is placed in a thread. */
export interface IncomingComment {
  externalId: string;
  /** The source's id of the thread (Disqus) or post (WordPress) it belongs to. */
  threadId: string;
  parentId: string | null;
  author: IncomingAuthor;
  markdown: string;
  status: CommentStatus;
  createdAt: string;
  line: number;
  /** Its parent never came: it opens a thread of its own. */
  topLevel?: boolean;
}

export interface IncomingAuthor {
  name: string;
  email: string | null;
  /** The author's stable name in the source (a Disqus username), for authors without an address. */
  handle: string | null;
  /** The source vouches for the person (a registered account): only then do they become a reader here. */
  registered: boolean;
  /** Their website, shown as a link by their name (http(s) only; see `parseWebsite`). */
  url?: string | null;
  /** The source's user id (WordPress's `comment_user_id`), to recognise the site's own authors. */
  sourceUserId?: string;
  /** Resolved before the comment is written: the staff account of one of the site's authors. */
  accountId?: string;
}

export interface CommentImportOptions {
  db: Kysely<Database>;
  run: ImportRun;
  report: ImportReport;
  siteName?: string;
  /** `import_ids` kind of these comments (`post`, `comment`) and of what they hang under (`thread`, `post`). */
  kind: string;
  threadKind: string;
  /** Name in the summary (`comments`). */
  label: string;
  /** Why a comment is skipped when its thread was deliberately left out. */
  threadSkippedReason: string;
  batchSize?: number;
}

// About 5 MB at most; a miss costs a query (the staff-name check), so it is sized for a big site's commenters.
const NAME_CACHE_SIZE = 50_000;

/**
 * Places comments in their threads in batches, one transaction each. A reply whose parent (or thread)
 * has not been imported yet is parked in `import_pending` and written as soon as it lands; when the file
 * ends, replies whose parent never came open threads of their own. Memory holds one batch, whatever the file.
 */
export class CommentImporter {
  private buffer: IncomingComment[] = [];
  private parkedAny = false;
  private readonly batchSize: number;
  private readonly guestNames = new Map<string, string>();

  constructor(private readonly options: CommentImportOptions) {
    // A thousand rows per transaction: commits (and WAL checkpoints) are what an import waits on most.
    this.batchSize = options.batchSize ?? 1_000;
  }

  async add(comment: IncomingComment): Promise<void> {
    this.buffer.push(comment);
    if (this.buffer.length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    await this.process(batch);
  }

  /** Threads just imported: write the comments that were waiting for them. */
  async threadsLanded(threadIds: readonly string[]): Promise<void> {
    if (this.parkedAny) await this.drain(threadIds.map((id) => `${this.options.threadKind}:${id}`));
  }

  /** The file has ended: settle everything still parked. */
  async finish(): Promise<void> {
    await this.flush();
    const { db, run, report, kind, label, threadKind } = this.options;
    if (!this.parkedAny) return;
    const at = idScope(run);
    for (;;) {
      const lost = await releaseWaitingOn(db, at, `${threadKind}:`, this.batchSize);
      if (lost.length > 0) {
        for (const record of lost) report.failed(label, record.line, record.externalId, `its ${threadKind} ${record.waitsFor.slice(threadKind.length + 1)} is not in the file`);
        continue;
      }
      // Waiting for a parent that is not parked itself: it will never come. If none is, what is left waits in a cycle.
      let orphans = await takeOrphans(db, at, kind, this.batchSize);
      if (orphans.length === 0) orphans = await takeAny(db, at, 1, kind);
      if (orphans.length === 0) return;
      for (const record of orphans) {
        report.notice(label, record.line, record.externalId, `its parent ${record.waitsFor.slice(kind.length + 1)} is not in the file; imported at the top of its thread`);
      }
      await this.process(orphans.map((record) => ({ ...decode(record), topLevel: true })));
    }
  }

  private async process(initial: IncomingComment[]): Promise<void> {
    const landed = await this.write(initial);
    if (this.parkedAny && landed.length > 0) await this.drain(landed.map((id) => `${this.options.kind}:${id}`));
  }

  /** Writes everything waiting for `keys`, and in turn what waits for those, a batch at a time. */
  private async drain(keys: string[]): Promise<void> {
    const queue = [...keys];
    while (queue.length > 0) {
      const chunk = queue.splice(0, this.batchSize);
      for (;;) {
        const waiting = await release(this.options.db, idScope(this.options.run), chunk, this.batchSize);
        if (waiting.length === 0) break;
        const landed = await this.write(waiting.map(decode));
        queue.push(...landed.map((id) => `${this.options.kind}:${id}`));
      }
    }
  }

  /** Writes what can be placed now, parks the rest; returns the external ids written. */
  private async write(batch: IncomingComment[]): Promise<string[]> {
    if (batch.length === 0) return [];
    const { db, run, report, kind, label } = this.options;
    const at = idScope(run);
    const ids = batch.map((comment) => comment.externalId);
    // What each comment (and each parent) hangs under, to recognise comments of unscoped earlier imports.
    const threads = await lookupIds(db, at, this.options.threadKind, batch.map((comment) => comment.threadId));
    const threadOf = new Map(batch.map((comment) => [comment.externalId, comment.threadId]));
    const [known, parked] = await Promise.all([
      knownIds(db, run, kind, ids, (legacy) => this.onSameThread(db, legacy, threadOf, threads)),
      parkedIds(db, at, kind, ids),
    ]);
    const fresh: IncomingComment[] = [];
    const seen = new Set<string>();
    for (const comment of batch) {
      const earlier = known.get(comment.externalId);
      if (seen.has(comment.externalId) || parked.has(comment.externalId) || earlier?.runId === run.runId) {
        report.failed(label, comment.line, comment.externalId, 'the same id appears earlier in the file; this copy is skipped');
      } else if (earlier) {
        report.skipped(label, ALREADY_IMPORTED);
      } else {
        fresh.push(comment);
        seen.add(comment.externalId);
      }
    }

    const parentOf = new Map(fresh.flatMap((comment) => (comment.parentId && !comment.topLevel ? [[comment.parentId, comment.threadId] as const] : [])));
    const knownParents = await knownIds(db, run, kind, [...parentOf.keys()], (legacy) => this.onSameThread(db, legacy, parentOf, threads));
    const places = await commentPlaces(db, [...knownParents.values()].map((parent) => parent.localId));
    const planned = new Map<string, CommentPlace>();
    const toPark: PendingRecord[] = [];
    const placed: Placed[] = [];

    for (const comment of fresh) {
      const thread = threads.get(comment.threadId);
      if (!thread) {
        toPark.push(parkRecord(kind, comment, `${this.options.threadKind}:${comment.threadId}`));
        continue;
      }
      if (!thread.localId) {
        report.skipped(label, this.options.threadSkippedReason);
        continue;
      }
      let parent: CommentPlace | null = null;
      if (comment.parentId && !comment.topLevel) {
        const knownParent = knownParents.get(comment.parentId);
        parent = planned.get(comment.parentId) ?? (knownParent ? places.get(knownParent.localId) ?? null : null);
        if (!parent) {
          toPark.push(parkRecord(kind, comment, `${kind}:${comment.parentId}`));
          continue;
        }
        if (parent.article_id !== thread.localId) {
          report.notice(label, comment.line, comment.externalId, `its parent ${comment.parentId} is on another thread; imported at the top of its own thread`);
          parent = null;
        }
      }
      const row: ImportedComment = {
        id: newId(new Date(comment.createdAt)),
        articleId: thread.localId,
        parent,
        authorId: null,
        authorName: '',
        authorEmail: null,
        authorUrl: null,
        body: comment.markdown,
        status: comment.status,
        createdAt: comment.createdAt,
      };
      planned.set(comment.externalId, placeOf(row));
      placed.push({ comment, row });
    }

    if (toPark.length > 0) {
      this.parkedAny = true;
      await park(db, at, toPark);
    }
    return this.store(placed);
  }

  /**
   * Of comments an unscoped earlier import wrote, those on the article this site's thread maps to now:
   * this site's own. Another site's comment with the same id sits on another article.
   */
  private async onSameThread(db: Kysely<Database>, legacy: Map<string, KnownId>, threadOf: Map<string, string>, threads: Map<string, KnownId>): Promise<Set<string>> {
    const places = await commentPlaces(db, [...legacy.values()].map((row) => row.localId));
    const same = new Set<string>();
    for (const [externalId, row] of legacy) {
      const threadId = threadOf.get(externalId);
      const article = threadId ? threads.get(threadId)?.localId : undefined;
      if (article && places.get(row.localId)?.article_id === article) same.add(externalId);
    }
    return same;
  }

  /** One transaction per batch (authors, comments, their ids); a batch that fails is retried row by row. */
  private async store(placed: Placed[]): Promise<string[]> {
    const { db, run, report, kind, label } = this.options;
    if (placed.length === 0) return [];
    const save = (items: Placed[]) =>
      db.transaction().execute(async (trx) => {
        await this.resolveAuthors(trx, items);
        await insertImportedComments(trx, items.map((item) => item.row));
        await rememberIds(trx, run, kind, items.map((item) => ({ externalId: item.comment.externalId, localId: item.row.id })));
      });
    try {
      await save(placed);
      report.imported(label, placed.length);
      return placed.map((item) => item.comment.externalId);
    } catch {
      // One bad row fails its whole batch: retry one by one so only that row is refused, with its line.
      const landed: string[] = [];
      for (const item of placed) {
        try {
          await save([item]);
          report.imported(label);
          landed.push(item.comment.externalId);
        } catch (error) {
          report.failed(label, item.comment.line, item.comment.externalId, `could not be stored: ${(error as Error).message}`);
        }
      }
      return landed;
    }
  }

  /**
   * Registered authors with an address become (or are matched to) readers by that address; registered
   * ones without one, by their name in the source; everyone else stays a guest name on the comment.
   */
  private async resolveAuthors(db: Kysely<Database>, placed: Placed[]): Promise<void> {
    const { run } = this.options;
    const deps = { db, now: run.now, siteName: this.options.siteName };
    const withEmail = placed.filter(({ comment }) => comment.author.registered && comment.author.email);
    const byEmail = await readersByEmail(deps, withEmail.map(({ comment }) => ({ email: comment.author.email!, name: comment.author.name })));
    const withHandle = placed.filter(({ comment }) => comment.author.registered && !comment.author.email && comment.author.handle);
    // A Disqus username is one Disqus account whatever the forum, so an unscoped earlier row is taken as it is.
    const handles = await knownIds(db, run, 'author', withHandle.map(({ comment }) => comment.author.handle!), (legacy) => new Set(legacy.keys()));
    for (const { comment } of withHandle) {
      const handle = comment.author.handle!;
      if (handles.has(handle)) continue;
      const userId = await createImportedReader(deps, comment.author.name || handle);
      await rememberIds(db, run, 'author', [{ externalId: handle, localId: userId }]);
      handles.set(handle, { localId: userId, runId: run.runId });
    }
    for (const { comment, row } of placed) {
      const { author } = comment;
      const reader = author.registered ? (author.email ? byEmail.get(author.email) : author.handle ? handles.get(author.handle)?.localId : undefined) : undefined;
      const userId = author.accountId ?? reader;
      row.authorId = userId ?? null;
      // A site author's own comment carries their name: the staff-name guard is for everyone else.
      row.authorName = author.accountId ? [...author.name.trim()].slice(0, 40).join('') : await this.guestName(db, author.name);
      row.authorEmail = userId ? null : author.email;
      row.authorUrl = author.url ?? null;
    }
  }

  /** The shown name, held to the same rules as a guest's own (no passing for staff); cached, names repeat. */
  private async guestName(db: Kysely<Database>, raw: string): Promise<string> {
    const cached = this.guestNames.get(raw);
    if (cached !== undefined) return cached;
    const name = await importedDisplayName({ db, now: this.options.run.now, siteName: this.options.siteName }, raw, 'Guest');
    if (this.guestNames.size >= NAME_CACHE_SIZE) this.guestNames.delete(this.guestNames.keys().next().value!);
    this.guestNames.set(detach(raw), detach(name));
    return name;
  }
}

/**
 * A copy of a string that shares no memory with the text it was cut from. Names cut from the XML are
 * slices of a whole 256 kB chunk; cached as they are, each would keep its chunk alive.
 */
function detach(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

interface Placed {
  comment: IncomingComment;
  row: ImportedComment;
}

function parkRecord(kind: string, comment: IncomingComment, waitsFor: string): PendingRecord {
  return { kind, externalId: comment.externalId, waitsFor, line: comment.line, payload: JSON.stringify(comment) };
}

function decode(record: PendingRecord): IncomingComment {
  return JSON.parse(record.payload) as IncomingComment;
}
