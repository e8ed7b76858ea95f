import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './test-helpers.js';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));

function tribune(args: string[], dataDir: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
    env: { ...process.env, TRIBUNE_DATA_DIR: dataDir, TRIBUNE_DATABASE_URL: `sqlite:${join(dataDir, 'tribune.db')}`, TRIBUNE_LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each run starts a real process (about 3 s under tsx), so these tests are few and carry long timeouts.
describe('tribune import / export on the command line', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tribune-transfer-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports with problems and progress on stderr and a summary on stdout; a broken file exits 1 keeping what was read', () => {
    const site = join(dir, 'site');
    const imported = tribune(['import', 'disqus', fixture('disqus-basic.xml'), '--batch', '3'], site);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Import from disqus finished:');
    expect(imported.stdout).toContain('  posts: 12 imported, 1 skipped, 3 with errors');
    expect(imported.stderr).toContain('line 164: posts 2011: <createdAt> is missing or not a date');
    // Not a terminal: plain lines, no carriage returns.
    expect(imported.stderr).toMatch(/import disqus: done · \d+ items in/);
    expect(imported.stderr).not.toContain('\r');

    const broken = tribune(['import', 'disqus', fixture('disqus-truncated.xml')], site);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('Import from disqus stopped early');
    expect(broken.stderr).toMatch(/Import stopped: .*disqus-truncated\.xml: line 16, column \d+: the file ends before/);
  }, 90_000);

  it('exports, restores into an empty site, and refuses a site that has data', () => {
    const site = join(dir, 'site-export');
    expect(tribune(['import', 'wordpress', fixture('wordpress-basic.xml')], site).code).toBe(0);
    const file = join(dir, 'site.json.gz');
    const exported = tribune(['export', file], site);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^Exported \d+ rows from \d+ tables to /);
    expect(existsSync(`${file}.partial`)).toBe(false);

    const restored = tribune(['import', 'tribune', file], join(dir, 'fresh'));
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^Restored \d+ rows from the export of \d{4}-/);
    const refused = tribune(['import', 'tribune', file], site);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The database is not empty');
  }, 90_000);
});
