import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTribune } from '../../testing/cli.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { simulatedComments } from './simulated-site.js';
import { seedDecisions } from './test-helpers.js';

/** The real CLI, in this process, against the test's SQLite file. */
function tribune(t: TestApp, args: string[]) {
  return runTribune(['moderate', ...args], { TRIBUNE_DATA_DIR: t.config.dataDir, TRIBUNE_DATABASE_URL: t.config.databaseUrl, TRIBUNE_REDIS_URL: '' });
}

describe('tribune moderate learn', () => {
  let t: TestApp;
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tribune-learn-'));
    // Always a SQLite file, so the command's own connection opens the same database.
    t = await startTestApp({ env: { TRIBUNE_DATABASE_URL: `sqlite:${join(dir, 'site.db')}` } });
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses with exit code 1 and says what is missing when there is nothing to learn from', async () => {
    const result = await tribune(t, ['learn']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Not learned: Only 0 moderator decisions can be learned from; at least 200 are needed.');
    expect(result.stdout).toBe('');
  });

  it('learns, prints the before and after figures, stores them for every instance, and resets', async () => {
    await seedDecisions(t, simulatedComments(300, 12));
    const result = await tribune(t, ['learn']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Scored 300 of 300 decisions');
    expect(result.stdout).toContain('Fitted on 240 decisions; measured on the 60 most recent');
    const auc = /ROC-AUC[^\n]*?(\d\.\d{3})\s+(\d\.\d{3})\n/.exec(result.stdout);
    expect(auc, result.stdout).not.toBeNull();
    expect(Number(auc![2])).toBeGreaterThan(Number(auc![1]));
    expect(result.stdout).toMatch(/False-hold rate[^\n]*%/);
    expect(result.stdout).toContain('Stored. Every instance applies it to new comments within a minute.');
    const row = await t.runtime.db.selectFrom('site_adaptation').select(['source', 'decisions']).executeTakeFirstOrThrow();
    expect(row).toEqual({ source: 'cli', decisions: 240 });

    const reset = await tribune(t, ['learn', '--reset']);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('Deleted what was learned from moderators');
    expect(await t.runtime.db.selectFrom('site_adaptation').selectAll().execute()).toEqual([]);
  });

  it('explains itself', async () => {
    const help = await tribune(t, ['learn', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: tribune moderate learn \[--reset\]/);
  });
});
