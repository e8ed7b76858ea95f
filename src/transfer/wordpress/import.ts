import { hostKey } from '../../articles/index.js';
import { CommentImporter } from '../comment-import.js';
import type { ImportSummary } from '../report.js';
import { runXmlImport } from '../run-import.js';
import type { Deps } from '../../runtime.js';
import type { ImportFileOptions, TransferDeps } from '../types.js';
import { AUTHORS, WordPressAuthors } from './authors.js';
import { WordPressMedia } from './media.js';
import { POSTS, TOPICS, WordPressPostImporter } from './posts.js';
import { parseAuthor, parseComment, parseItem, parseTerm, WXR_RECORDS } from './records.js';

export const COMMENTS = 'comments';

/**
 * `tribune import wordpress FILE.xml`: posts with their authors, topics and threaded comments from a
 * WordPress export (Tools → Export → All content), pages as pages, and the images posts and pages show
 * (from `mediaDir` or the old site) into the media library. Safe to run again. Ids are the site's own: the
 * export's `<link>` names the site, so a second site imported into the same newsroom is kept apart.
 */
export async function importWordPress(deps: TransferDeps & Pick<Deps, 'config'>, options: ImportFileOptions): Promise<ImportSummary> {
  return runXmlImport(deps, { ...options, source: 'wordpress', records: WXR_RECORDS, wanted: 'a WordPress export (WXR)' }, ({ run, report, siteName }) => {
    const comments = new CommentImporter({
      db: deps.db,
      run,
      report,
      siteName,
      kind: 'comment',
      threadKind: 'post',
      label: COMMENTS,
      threadSkippedReason: 'its post was not imported (an attachment, a menu item or trash)',
      batchSize: options.batchSize,
    });
    const authors = new WordPressAuthors({ db: deps.db, run, report });
    const media = new WordPressMedia({ deps, run, report, mediaDir: options.mediaDir, progress: options.progress });
    const posts = new WordPressPostImporter({
      db: deps.db, run, report, comments, authors, slugStyle: options.slugStyle ?? 'unicode', landed: (post) => media.addLanded(post),
    });
    /** The post whose comments are being read. */
    let postId: string | null = null;
    let title = '';
    return {
      async handle(record) {
        switch (record.path) {
          case 'rss/channel/title':
            title = record.node.text.trim();
            return;
          case 'rss/channel/link':
          case 'rss/channel/wp:base_site_url': {
            const url = record.node.text.trim();
            if (!/^https?:\/\//.test(url) || posts.baseUrl) return;
            posts.baseUrl = url.endsWith('/') ? url : `${url}/`;
            media.baseUrl = posts.baseUrl;
            posts.host = hostKey(new URL(url).hostname);
            run.scope ??= siteScope(url);
            return;
          }
          case 'rss/channel/wp:author': {
            nameSite();
            const parsed = parseAuthor(record);
            if (parsed.ok) await authors.add(parsed.value);
            else report.failed(AUTHORS, record.line, parsed.id, parsed.message);
            return;
          }
          case 'rss/channel/wp:category':
          case 'rss/channel/wp:tag': {
            nameSite();
            const parsed = parseTerm(record);
            if (!parsed.ok) report.failed(TOPICS, record.line, parsed.id, parsed.message);
            else if ('skip' in parsed.value) report.skipped(TOPICS, parsed.value.skip);
            else await posts.addTerms([parsed.value]);
            return;
          }
          case 'rss/channel/item': {
            nameSite();
            const parsed = parseItem(record);
            postId = parsed.ok ? parsed.value.id : parsed.id;
            if (parsed.ok && parsed.value.type === 'attachment') media.addAttachment(parsed.value);
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
            else {
              // A comment WordPress says one of the site's authors wrote, signed in: theirs here too.
              const accountId = authors.accountOf(parsed.value.author.sourceUserId);
              await comments.add(accountId ? { ...parsed.value, author: { ...parsed.value.author, accountId } } : parsed.value);
            }
          }
        }
      },
      async finish() {
        await posts.flush();
        await comments.finish();
        await media.finish();
      },
      async salvage() {
        await posts.flush();
        await comments.flush();
      },
    };

    /** A file without a `<link>` is named by its title, so two such sites still stay apart. */
    function nameSite() {
      if (run.scope === null && title) run.scope = `title:${title.slice(0, 200)}`;
    }
  });
}

/** A WordPress site's scope: its address without scheme, `www.` or trailing slash (`example.org/blog`). */
export function siteScope(url: string): string {
  const parsed = new URL(url);
  return `${hostKey(parsed.hostname)}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname.replace(/\/+$/, '').toLowerCase()}`;
}
