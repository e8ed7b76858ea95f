import { CommentImporter } from '../comment-import.js';
import type { ImportSummary } from '../report.js';
import { runXmlImport } from '../run-import.js';
import type { ImportFileOptions, TransferDeps } from '../types.js';
import { DISQUS_RECORDS, parsePost, parseThread } from './records.js';
import { DisqusThreadImporter, THREADS } from './threads.js';
import { childText } from '../xml-records.js';

export const POSTS = 'posts';

/**
 * `tribune import disqus FILE.xml`: threads become (or find) articles, posts become comments in their
 * trees. Safe to run again: what an earlier run brought in is recognised and skipped. Ids are scoped by
 * the export's forum, so a second forum imported into the same newsroom is kept apart.
 */
export async function importDisqus(deps: TransferDeps, options: ImportFileOptions): Promise<ImportSummary> {
  return runXmlImport(deps, { ...options, source: 'disqus', records: DISQUS_RECORDS, wanted: 'a Disqus export' }, ({ run, report, siteName }) => {
    const comments = new CommentImporter({
      db: deps.db,
      run,
      report,
      siteName,
      kind: 'post',
      threadKind: 'thread',
      label: POSTS,
      threadSkippedReason: 'its thread was deleted in Disqus',
      batchSize: options.batchSize,
    });
    const threads = new DisqusThreadImporter({ db: deps.db, run, report, comments });
    return {
      async handle(record) {
        if (record.path === 'disqus/category') {
          // Ids are the forum's own: its name scopes them, so a second forum's thread 1 is not the first's.
          run.scope ??= childText(record.node, 'forum') || null;
          report.skipped('categories', 'Disqus categories are not used: topics come with the articles');
        } else if (record.path === 'disqus/thread') {
          const parsed = parseThread(record);
          if (parsed.ok) run.scope ??= parsed.value.forum || null;
          if (parsed.ok) await threads.add(parsed.value);
          else report.failed(THREADS, record.line, parsed.id, parsed.message);
        } else {
          // Posts need their threads in the database first; threads normally all come before posts.
          await threads.flush();
          const parsed = parsePost(record);
          if (!parsed.ok) {
            report.failed(POSTS, record.line, parsed.id, parsed.message);
            return;
          }
          if (parsed.value.note) report.notice(POSTS, record.line, parsed.value.comment.externalId, parsed.value.note);
          await comments.add(parsed.value.comment);
        }
      },
      async finish() {
        await threads.flush();
        await comments.finish();
      },
      async salvage() {
        await threads.flush();
        await comments.flush();
      },
    };
  });
}
