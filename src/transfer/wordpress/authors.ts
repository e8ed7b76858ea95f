import type { Kysely } from 'kysely';
import { importedStaffAuthor } from '../../accounts/index.js';
import type { Database } from '../../db/schema.js';
import { knownIds, rememberIds, type ImportRun, type KnownId } from '../import-ids.js';
import { ALREADY_IMPORTED, type ImportReport } from '../report.js';
import type { WpAuthor } from './records.js';

export const AUTHORS = 'authors';

/**
 * A WordPress site's authors as staff: each login of this site once (a second site's "admin" is another
 * person), found again by later runs. Authors without an address become editors without a password.
 */
export class WordPressAuthors {
  /** Logins seen in this file: a site has a handful of authors. */
  private readonly byLogin = new Map<string, string>();
  private readonly byWpId = new Map<string, string>();
  private readonly described = new Map<string, WpAuthor>();

  constructor(private readonly options: { db: Kysely<Database>; run: ImportRun; report: ImportReport }) {}

  async add(author: WpAuthor): Promise<void> {
    this.described.set(author.login, author);
    const userId = await this.idFor(author.login, author.line, true);
    if (author.wpId) this.byWpId.set(author.wpId, userId);
  }

  /** The staff account of the site's WordPress user `comment_user_id`, when that user is one of its authors. */
  accountOf(wpUserId: string | undefined): string | undefined {
    return wpUserId ? this.byWpId.get(wpUserId) : undefined;
  }

  async idFor(login: string, line: number, declared = false): Promise<string> {
    const cached = this.byLogin.get(login);
    if (cached) return cached;
    const { db, run, report } = this.options;
    const author = this.described.get(login);
    const known = (await knownIds(db, run, 'staff', [login], (legacy) => this.samePerson(legacy, login))).get(login);
    let userId = known?.localId;
    if (userId) {
      if (declared) report.skipped(AUTHORS, ALREADY_IMPORTED);
    } else {
      const created = await importedStaffAuthor({ db, now: run.now }, { email: author?.email ?? null, name: author?.displayName ?? login });
      userId = created.userId;
      if (created.note) report.notice(AUTHORS, line, login, created.note);
      await rememberIds(db, run, 'staff', [{ externalId: login, localId: userId }]);
      report.imported(AUTHORS);
    }
    this.byLogin.set(login, userId);
    return userId;
  }

  /** An unscoped earlier import's author is this site's when the account has this author's address or name. */
  private async samePerson(legacy: Map<string, KnownId>, login: string): Promise<Set<string>> {
    const userId = legacy.get(login)?.localId;
    if (!userId) return new Set();
    const user = await this.options.db.selectFrom('users').select(['email', 'display_name']).where('id', '=', userId).executeTakeFirst();
    const author = this.described.get(login);
    const name = author?.displayName ?? login;
    const same = user && ((author?.email && user.email === author.email.toLowerCase()) || user.display_name === [...name.replace(/\s+/gu, ' ').trim()].slice(0, 40).join(''));
    return same ? new Set([login]) : new Set();
  }
}
