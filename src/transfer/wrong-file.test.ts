import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { importDisqus } from './disqus/import.js';
import { exportDatabase } from './export/write.js';
import { fixture } from './test-helpers.js';
import { importWordPress } from './wordpress/import.js';

describe('a file of the wrong kind, or one whose every record fails', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'tribune-wrong-file-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rows = async () => Number((await t.runtime.db.selectFrom('import_ids').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses a WordPress export given to the Disqus import, and the other way round, saying what the file is', async () => {
    const wxr = fixture('wordpress-basic.xml');
    const asDisqus = await importDisqus(t.runtime, { file: wxr });
    expect(asDisqus.refused).toBe(`${wxr} is a WordPress export (WXR: <rss> with wp: elements), not a Disqus export: run \`tribune import wordpress ${wxr}\`.`);
    const disqus = fixture('disqus-basic.xml');
    const asWordPress = await importWordPress(t.runtime, { file: disqus });
    expect(asWordPress.refused).toBe(`${disqus} is a Disqus export (<disqus>), not a WordPress export (WXR): run \`tribune import disqus ${disqus}\`.`);
    expect(await rows()).toBe(0);
  });

  it('names RSS feeds, Tribune exports, ZIP archives and text for what they are', async () => {
    expect((await importWordPress(t.runtime, { file: fixture('rss-feed.xml') })).refused).toMatch(/rss-feed\.xml is an RSS feed \(<rss> without WordPress's wp: elements\), not a WordPress export \(WXR\)\.$/);
    const exported = join(dir, 'site.json.gz');
    await exportDatabase(t.runtime, exported);
    expect((await importDisqus(t.runtime, { file: exported })).refused).toBe(`${exported} is a Tribune export: restore it with \`tribune import tribune FILE\`; expected a Disqus export.`);
    const zip = join(dir, 'export.zip');
    writeFileSync(zip, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]));
    expect((await importWordPress(t.runtime, { file: zip })).refused).toMatch(/is a ZIP archive \(WordPress\.com sends its export zipped\): unzip it/);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'threads and posts, honest\n');
    expect((await importDisqus(t.runtime, { file: text })).refused).toMatch(/notes\.txt is plain text, not XML; expected a Disqus export\.$/);
    expect(await rows()).toBe(0);
  });

  it('reads a gzipped export as it is', async () => {
    const gzipped = join(dir, 'forum.xml.gz');
    writeFileSync(gzipped, gzipSync(readFileSync(fixture('disqus-forum-b.xml'))));
    const summary = await importDisqus(t.runtime, { file: gzipped });
    expect(summary.refused).toBeNull();
    expect(summary.kinds.posts.imported).toBe(1);
  });

  it('refuses a file of which not one record could be imported, describing what it holds', async () => {
    const broken = fixture('disqus-all-broken.xml');
    const summary = await importDisqus(t.runtime, { file: broken });
    expect(summary.refused).toBe(`not one record of ${broken} could be imported (3 with errors, each printed above). It is a Disqus export (<disqus>) with 1 <thread>, 2 <post>.`);
  });

  it('exits non-zero on the command line with that message', async () => {
    const stderr: string[] = [];
    const io = { stdout: { write: () => true }, stderr: { write: (text: string) => Boolean(stderr.push(text)) }, env: { TRIBUNE_DATA_DIR: join(dir, 'cli'), TRIBUNE_LOG_LEVEL: 'silent' } };
    expect(await runCli(['import', 'disqus', fixture('wordpress-basic.xml')], io)).toBe(1);
    expect(stderr.join('')).toContain('Nothing was imported: ');
    expect(stderr.join('')).toContain('is a WordPress export (WXR: <rss> with wp: elements), not a Disqus export: run `tribune import wordpress');
    stderr.length = 0;
    expect(await runCli(['import', 'disqus', fixture('disqus-all-broken.xml')], io)).toBe(1);
    expect(stderr.join('')).toContain('Nothing was imported: not one record of');
    expect(await runCli(['import', 'disqus', fixture('disqus-basic.xml')], io)).toBe(0);
  });
});
