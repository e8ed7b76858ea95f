import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

/** The CLI in-process: help is printed before anything is configured, opened or served. */
describe('tribune --help', () => {
  let root: string;
  let dataDir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'tribune-help-'));
    dataDir = join(root, 'data');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  async function run(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: { write: (chunk: string | Uint8Array) => ((stdout += String(chunk)), true) },
      stderr: { write: (chunk: string | Uint8Array) => ((stderr += String(chunk)), true) },
      // Were help ever to fall through to serving, it would bind loopback on a free port, not 0.0.0.0:3000.
      env: { TRIBUNE_DATA_DIR: dataDir, TRIBUNE_HOST: '127.0.0.1', TRIBUNE_PORT: '0', TRIBUNE_LOG_LEVEL: 'silent' },
    };
    const code = await runCli(argv, io);
    return { code, stdout, stderr };
  }

  const cases: [string[], string][] = [
    [['serve', '--help'], 'usage: tribune serve'],
    [['serve', '-h'], 'usage: tribune serve'],
    [['serve', '--demo', '--help'], 'usage: tribune serve'],
    [['migrate', '--help'], 'usage: tribune migrate'],
    [['seed-demo', '-h'], 'usage: tribune seed-demo'],
    [['user', '--help'], 'usage: tribune user add'],
    [['user', 'add', '--email', 'ed@example.org', '--role', 'editor', '--help'], 'usage: tribune user add'],
    [['backup', '--help'], 'usage: tribune backup'],
    [['import', '--help'], 'usage: tribune import'],
    [['import', 'disqus', 'export.xml', '-h'], 'usage: tribune import'],
    [['export', '--help'], 'usage: tribune export'],
    [['moderate', '--help'], 'usage: tribune moderate'],
    [['moderate', 'learn', '--help'], 'usage: tribune moderate learn'],
    [['help', 'serve'], 'usage: tribune serve'],
    [['--help'], 'usage: tribune <command>'],
    [['-h'], 'usage: tribune <command>'],
    [['help'], 'usage: tribune <command>'],
    [[], 'usage: tribune <command>'],
  ];
  for (const [argv, usage] of cases) {
    it(`tribune ${argv.join(' ')} prints "${usage}" and exits 0, creating nothing`, async () => {
      const result = await run(argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(usage);
      expect(result.stderr).toBe('');
      expect(existsSync(dataDir)).toBe(false);
    });
  }

  it('refuses an unknown option to serve, migrate or backup with exit code 2 before touching anything', async () => {
    for (const argv of [['serve', '--port', '80'], ['serve', 'now'], ['migrate', '--dry-run'], ['seed-demo', 'extra'], ['backup', '--verbose']]) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).not.toBe('');
    }
    // serve and the others read the configuration first, which makes the data folder; nothing else is made.
    expect(existsSync(join(dataDir, 'tribune.db'))).toBe(false);
  });

  it('explains an unknown command on stderr with exit code 2', async () => {
    const result = await run(['frobnicate', '--help']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
  });
});
