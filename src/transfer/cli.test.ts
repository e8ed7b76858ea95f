import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTribune } from '../testing/cli.js';
import { fixture } from './test-helpers.js';

/** `tribune ARGS` against the site in `dataDir`, run in this process with its output piped. */
function tribune(args: string[], dataDir: string) {
  return runTribune(args, { TRIBUNE_DATA_DIR: dataDir, TRIBUNE_DATABASE_URL: `sqlite:${join(dataDir, 'tribune.db')}` });
}

describe('tribune import / export on the command line', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tribune-transfer-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports with problems and progress on stderr and a summary on stdout; a broken file exits 1 keeping what was read', async () => {
    const site = join(dir, 'site');
    const imported = await tribune(['import', 'disqus', fixture('disqus-basic.xml'), '--batch', '3'], site);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Import from disqus finished:');
    expect(imported.stdout).toContain('  posts: 12 imported, 1 skipped, 3 with errors');
    expect(imported.stderr).toContain('line 164: posts 2011: <createdAt> is missing or not a date');
    // Not a terminal: plain lines, no carriage returns.
    expect(imported.stderr).toMatch(/import disqus: done · \d+ items in/);
    expect(imported.stderr).not.toContain('\r');

    const broken = await tribune(['import', 'disqus', fixture('disqus-truncated.xml')], site);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('Import from disqus stopped early');
    expect(broken.stderr).toMatch(/Import stopped: .*disqus-truncated\.xml: line 16, column \d+: the file ends before/);
  });

  it('exports, restores into an empty site, and refuses a site that has data', async () => {
    const site = join(dir, 'site-export');
    expect((await tribune(['import', 'wordpress', fixture('wordpress-basic.xml')], site)).code).toBe(0);
    const file = join(dir, 'site.json.gz');
    const exported = await tribune(['export', file], site);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^Exported \d+ rows from \d+ tables to /);
    expect(existsSync(`${file}.partial`)).toBe(false);

    const restored = await tribune(['import', 'tribune', file], join(dir, 'fresh'));
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^Restored \d+ rows from the export of \d{4}-/);
    const refused = await tribune(['import', 'tribune', file], site);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The database is not empty');
  });
});
