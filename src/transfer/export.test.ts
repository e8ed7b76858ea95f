import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, seedDemo } from '../demo/seed.js';
import { startTestApp } from '../testing/test-app.js';
import { importDisqus } from './disqus/import.js';
import { importWordPress } from './wordpress/import.js';
import { exportDatabase } from './export/write.js';
import { restoreDatabase, RestoreError } from './export/restore.js';
import { fixture } from './test-helpers.js';

interface ExportDocument {
  format: string;
  version: number;
  exportedAt: string;
  migrations: string[];
  tables: Record<string, Record<string, unknown>[]>;
  rowCounts: Record<string, number>;
}

const read = (file: string) => JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as ExportDocument;

describe('tribune export and tribune import tribune', () => {
  let dir: string;
  let first: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tribune-export-'));
    const source = await startTestApp();
    await seedDemo(source.runtime);
    await importDisqus(source.runtime, { file: fixture('disqus-basic.xml') });
    // Bylines, old addresses, sticky posts, commenters' websites and scoped import ids travel too.
    await importWordPress(source.runtime, { file: fixture('wordpress-fidelity.xml') });
    await source.runtime.settings.update('comments', { deletedReaderComments: 'remove' });
    const reader = await source.runtime.db.selectFrom('users').select('id').where('role', '=', 'reader').limit(1).executeTakeFirstOrThrow();
    const comment = await source.runtime.db.selectFrom('comments').select('id').where('status', '=', 'published').limit(1).executeTakeFirstOrThrow();
    await source.runtime.db.insertInto('comment_flags').values({ id: 'flag0000000000000001', comment_id: comment.id, reporter_key: `u:${reader.id}`, reporter_user_id: reader.id, reporter_guest_key: null, reason: 'spam', note: 'Ünïcode note “quoted”\nsecond line', created_at: '2024-01-01T00:00:00.000Z' }).execute();
    first = join(dir, 'first.json.gz');
    await exportDatabase(source.runtime, first);
    await source.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one gzipped JSON document with a format version, every table and no live secrets', () => {
    const document = read(first);
    expect(document).toMatchObject({ format: 'tribune-export', version: 1 });
    expect(document.migrations).toContain('0007-transfer');
    for (const table of ['users', 'settings', 'topics', 'articles', 'article_topics', 'article_bylines', 'article_redirects', 'comments', 'comment_reactions', 'comment_flags', 'donation_drives', 'donations', 'donation_ledger', 'import_ids']) {
      expect(document.tables[table]?.length, table).toBeGreaterThan(0);
      expect(document.rowCounts[table]).toBe(document.tables[table].length);
    }
    expect(document.tables.articles.some((article) => article.sticky === 1)).toBe(true);
    expect(document.tables.comments.some((comment) => comment.author_url === 'http://xin.example.net/blog')).toBe(true);
    expect(document.tables.import_ids.map((row) => row.scope)).toEqual(expect.arrayContaining(['blog.example.cn', 'tribune-ledger']));
    // Restore order: old addresses and bylines after the articles (and users) they name.
    const order = Object.keys(document.tables);
    expect(order.indexOf('article_redirects')).toBeGreaterThan(order.indexOf('articles'));
    expect(order.indexOf('article_bylines')).toBeGreaterThan(order.indexOf('users'));
    expect(Object.keys(document.tables)).not.toContain('sessions');
    for (const secret of ['magic_links', 'staff_invites', 'password_resets', 'login_failures', 'login_lockouts', 'two_factor_pending']) {
      expect(Object.keys(document.tables)).not.toContain(secret);
    }
    // Password hashes travel, so staff can sign in after a restore: the file is as secret as a backup.
    expect(document.tables.users.find((user) => user.email === DEMO_ADMIN.email)?.password_hash).toMatch(/^\$argon2id\$/);
    // Restore order: every reply after its parent.
    const seen = new Set<unknown>();
    for (const comment of document.tables.comments) {
      if (comment.parent_id) expect(seen.has(comment.parent_id)).toBe(true);
      seen.add(comment.id);
    }
  });

  it('restores into an empty database exactly: exporting the restored site gives the same content', async () => {
    const target = await startTestApp();
    try {
      const restored = await restoreDatabase(target.runtime, first);
      expect(restored.rowCounts.comments).toBe(read(first).rowCounts.comments);
      const second = join(dir, 'second.json.gz');
      await exportDatabase(target.runtime, second);
      const [a, b] = [read(first), read(second)];
      expect({ ...b, exportedAt: a.exportedAt }).toEqual(a);

      // Logins survive, settings survive, and the article pages render from the restored rows.
      const login = await target.request({ method: 'POST', url: '/login', as: target.anonymous(), payload: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password } });
      expect(login.statusCode).toBe(200);
      expect(login.cookies.some((cookie) => cookie.name === 'tribune_session')).toBe(true);
      expect((await target.runtime.settings.get()).comments.deletedReaderComments).toBe('remove');
      const slug = a.tables.articles.find((article) => article.status === 'published' && article.kind === 'article')!.slug;
      expect((await target.request({ url: `/articles/${slug}` })).statusCode).toBe(200);

      // Now it has data: a second restore is refused.
      await expect(restoreDatabase(target.runtime, first)).rejects.toThrow(/The database is not empty \(table users has rows\)/);
    } finally {
      await target.close();
    }
  });

  it('leaves an empty database empty when the file is damaged or is not an export', async () => {
    const target = await startTestApp();
    try {
      const truncated = join(dir, 'truncated.json.gz');
      const bytes = readFileSync(first);
      writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const error = await restoreDatabase(target.runtime, truncated).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RestoreError);
      expect((error as Error).message).toMatch(/cannot be read|ends early/);
      expect(await target.runtime.db.selectFrom('users').select('id').execute()).toEqual([]);

      const notExport = join(dir, 'not-export.json.gz');
      writeFileSync(notExport, readFileSync(fixture('disqus-basic.xml')));
      await expect(restoreDatabase(target.runtime, notExport)).rejects.toThrow(/cannot be read/);
    } finally {
      await target.close();
    }
  });
});
