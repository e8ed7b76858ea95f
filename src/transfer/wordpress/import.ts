import { CommentImporter } from '../comment-import.js';
import type { ImportSummary } from '../report.js';
import { runXmlImport } from '../run-import.js';
import type { ImportFileOptions, TransferDeps } from '../types.js';
import { AUTHORS, POSTS, TOPICS, WordPressPostImporter } from './posts.js';
import { parseAuthor, parseComment, parseItem, parseTerm, WXR_RECORDS } from './records.js';

export const COMMENTS = 'comments';

/**
 * `tribune import wordpress FILE.xml`: posts with their authors, topics and threaded comments from a
 * WordPress export (Tools → Export → All content). Safe to run again.
 */
export async function importWordPress(deps: TransferDeps, options: ImportFileOptions): Promise<ImportSummary> {
  return runXmlImport(deps, { ...options, source: 'wordpress', records: WXR_RECORDS }, ({ run, report, siteName }) => {
    const comments = new CommentImporter({
      db: deps.db,
      run,
      report,
      siteName,
      kind: 'comment',
      threadKind: 'post',
      label: COMMENTS,
      threadSkippedReason: 'its post was not imported (a page, an attachment or trash)',
      batchSize: options.batchSize,
    });
    const posts = new WordPressPostImporter({ db: deps.db, run, report, comments });
    /** The post whose comments are being read. */
    let postId: string | null = null;
    return {
      async handle(record) {
        switch (record.path) {
          case 'rss/channel/link':
          case 'rss/channel/wp:base_site_url': {
            const url = record.node.text.trim();
            if (/^https?:\/\//.test(url)) posts.baseUrl ??= url.endsWith('/') ? url : `${url}/`;
            return;
          }
          case 'rss/channel/wp:author': {
            const parsed = parseAuthor(record);
            if (parsed.ok) await posts.addAuthor(parsed.value);
            else report.failed(AUTHORS, record.line, parsed.id, parsed.message);
            return;
          }
          case 'rss/channel/wp:category':
          case 'rss/channel/wp:tag': {
            const parsed = parseTerm(record);
            if (!parsed.ok) report.failed(TOPICS, record.line, parsed.id, parsed.message);
            else if ('skip' in parsed.value) report.skipped(TOPICS, parsed.value.skip);
            else await posts.addTerms([parsed.value]);
            return;
          }
          case 'rss/channel/item': {
            const parsed = parseItem(record);
            postId = parsed.ok ? parsed.value.id : parsed.id;
            if (parsed.ok) await posts.add(parsed.value);
            else report.failed(POSTS, record.line, parsed.id, parsed.message);
            return;
          }
          default: {
            // A comment: its post must be stored first.
            await posts.flush();
            const parsed = parseComment(record, postId);
            if (!parsed.ok) report.failed(COMMENTS, record.line, parsed.id, parsed.message);
            else if ('skip' in parsed.value) report.skipped(COMMENTS, parsed.value.skip);
            else await comments.add(parsed.value);
          }
        }
      },
      async finish() {
        await posts.flush();
        await comments.finish();
      },
      async salvage() {
        await posts.flush();
        await comments.flush();
      },
    };
  });
}
