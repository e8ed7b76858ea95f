import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createRuntime } from '../../runtime.js';
import { startTribune } from '../../testing/cli.js';
import { HEADS, defaultClassifier } from '../classifier/index.js';
import { ADAPTATION_FORMAT } from '../adaptation/model.js';
import { modelVersion } from '../adaptation/version.js';
import { assess } from '../pipeline.js';
import { readModerationSettings } from './site-settings.js';
import { createLineJudge } from './stream.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tribune-moderate-'));
  dirs.push(dir);
  return dir;
}

/** `tribune moderate ARGS`, in this process, reading the lines the test writes to its stdin. */
function start(databaseUrl: string, args: string[] = []) {
  return startTribune(['moderate', ...args], { TRIBUNE_DATA_DIR: tempDir(), TRIBUNE_DATABASE_URL: databaseUrl, TRIBUNE_LOG_LEVEL: 'info' });
}

describe('tribune moderate', () => {
  it('answers line by line while stdin stays open, without creating a database', async () => {
    const databaseFile = join(tempDir(), 'absent.db');
    const run = start(`sqlite:${databaseFile}`, ['--content-only']);
    run.stdin.write('{"text": "liquidate them one by one", "author": "a"}\n');
    const first = await run.waitForLines(1);
    expect(JSON.parse(first[0])).toMatchObject({ decision: 'hold' });
    run.stdin.write('not json\n{"text": "I disagree with this article."}\n');
    run.stdin.end();
    expect((await run.done).code).toBe(0);
    const out = run.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(out).toHaveLength(3);
    expect(out[1].error).toBeDefined();
    expect(out[2]).toMatchObject({ decision: 'publish' });
    expect(run.stderr()).toContain('moderation settings loaded');
    expect(existsSync(databaseFile)).toBe(false);
  });

  it("uses the site's saved word lists", async () => {
    const dir = tempDir();
    const databaseUrl = `sqlite:${join(dir, 'site.db')}`;
    const runtime = await createRuntime({ ...loadConfig({ TRIBUNE_DATA_DIR: dir, TRIBUNE_SECRET: 'x' }), databaseUrl });
    await runtime.settings.update('moderation', { bannedWords: ['grifter'] });
    await runtime.close();
    const run = start(databaseUrl);
    run.stdin.end('{"text": "what a grifter", "author": "b"}\n');
    expect((await run.done).code).toBe(0);
    expect(JSON.parse(run.lines()[0])).toMatchObject({ decision: 'reject', reasons: [{ code: 'BANNED_WORD' }] });
  });

  it("applies what the site learned from its moderators unless --shipped or switched off", async () => {
    const dir = tempDir();
    const databaseUrl = `sqlite:${join(dir, 'site.db')}`;
    const runtime = await createRuntime({ ...loadConfig({ TRIBUNE_DATA_DIR: dir, TRIBUNE_SECRET: 'x' }), databaseUrl });
    // Every text scores higher: easy to tell applied from not.
    const strict = { format: ADAPTATION_FORMAT, heads: [...HEADS], center: 0, bits: 12, bias: 3, words: new Array(4096).fill(0) };
    const report = { fitted: 240, heldOut: 60, approvals: 200, removals: 100, threshold: 0.5, heldOutSince: '2026-02-01T00:00:00.000Z', improves: true,
      before: { auc: 0.7, falseHoldRate: 0.1, caughtRate: 0.3 }, after: { auc: 0.9, falseHoldRate: 0.05, caughtRate: 0.8 } };
    await runtime.db.insertInto('site_adaptation').values({
      id: 'site', model_version: modelVersion(defaultClassifier()), weights: JSON.stringify(strict), report: JSON.stringify(report), decisions: 240,
      source: 'cli', fitted_at: '2026-03-01T00:00:00.000Z',
    }).execute();
    // In-process: the command passes these two calls' results straight through (the command runs above cover the wiring).
    const toxicity = async (shipped: boolean) => {
      const loaded = await readModerationSettings(databaseUrl, { shipped });
      const judge = createLineJudge({ assess, settings: loaded.settings, contentOnly: true, now: () => new Date(), adaptation: loaded.adaptation });
      const out = JSON.parse(judge('{"text": "What a stupid, pathetic article."}', 1)) as { scores: { toxicity: number } };
      return { score: out.scores.toxicity, note: loaded.adaptationNote };
    };
    const applied = await toxicity(false);
    const shipped = await toxicity(true);
    expect(applied.note).toBe('applying what was learned from 240 moderator decisions');
    expect(shipped.note).toContain('--shipped');
    expect(applied.score).toBeGreaterThan(shipped.score);

    await runtime.settings.update('moderation', { learnFromModerators: false });
    const off = await toxicity(false);
    expect(off.note).toContain('is off in settings');
    expect(off.score).toBe(shipped.score);

    await runtime.db.updateTable('site_adaptation').set({ model_version: 'fitted-on-an-older-model' }).execute();
    await runtime.settings.update('moderation', { learnFromModerators: true });
    const stale = await toxicity(false);
    expect(stale.note).toContain('older model');
    expect(stale.score).toBe(shipped.score);
    await runtime.close();
  });
});
