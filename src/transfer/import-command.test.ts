import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { fixture } from './test-helpers.js';

describe('tribune import wordpress FILE --ascii-slugs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tribune-import-command-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('spells slugs in a–z where it can, keeps Chinese as it is, and ends with the lists to look at', async () => {
    const out: string[] = [];
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: { TRIBUNE_DATA_DIR: dir, TRIBUNE_LOG_LEVEL: 'silent' } };
    const write = process.stdout.write;
    process.stdout.write = ((text: string) => Boolean(out.push(text))) as typeof process.stdout.write;
    let code: number;
    try {
      code = await runCli(['import', 'wordpress', fixture('wordpress-fidelity.xml'), '--ascii-slugs'], io);
    } finally {
      process.stdout.write = write;
    }
    expect(code).toBe(0);
    const summary = out.join('');
    expect(summary).toContain('  password-protected posts, imported as drafts (publish one only if it may be public) (1):\n    line 16, 201: Members only: the budget leak\n');
    const db = new SQLite(join(dir, 'tribune.db'), { readonly: true });
    try {
      const slugs = db.prepare('select slug from articles order by slug').all().map((row) => (row as { slug: string }).slug);
      expect(slugs).toEqual(expect.arrayContaining(['isik-yili', '泱泱大国', 'co-written']));
      expect(db.prepare('select slug from topics where name = ?').get('Şehir & Kültür')).toEqual({ slug: 'sehir' });
    } finally {
      db.close();
    }
  });
});
