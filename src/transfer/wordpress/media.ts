import { basename } from 'node:path';
import { hostKey, setImportedImages } from '../../articles/index.js';
import { findMedia, mediaReference, originalUrl, storeUpload, uploadLimits, type MediaDeps, type MediaItem } from '../../media/index.js';
import { escapeText } from '../html-to-markdown.js';
import { plainText } from '../html-tree.js';
import { idScope, lookupIds, rememberIds, type ImportRun } from '../import-ids.js';
import { createProgress, type ProgressOutput } from '../progress.js';
import { ALREADY_IMPORTED, type ImportReport } from '../report.js';
import type { LandedPost } from './posts.js';
import type { WpPost } from './records.js';
import { downloadUpload, isUploadPath, originalPath, readUploadFile, uploadAddress, uploadUrl, type Fetched, type UploadAddress } from './upload-files.js';

export const IMAGES = 'images';
export const NOT_FETCHED = 'images not fetched (still linked to the old site)';
const DOWNLOAD_TIMEOUT_MS = 30_000;
/** Downloads at once: enough to hide the old site's latency, few enough not to hammer it. */
const CONCURRENT_DOWNLOADS = 3;
const ARTICLES_PER_QUERY = 200;
const IDS_PER_QUERY = 1_000;
/** A link's target, `[label](url)`, as html-to-markdown writes it; images' targets are `/media/ID` by then. */
const MARKDOWN_LINK_TARGET = /\]\(\s*(<[^>]*>|[^\s)]+)\s*\)/g;
/** `![alt](url "title")` as html-to-markdown writes it (the URL bare or in `<…>`). */
const MARKDOWN_IMAGE = /!\[((?:[^\]\\]|\\.)*)\]\(\s*(<[^>]*>|[^\s)]+)((?:\s+"(?:[^"\\]|\\.)*")?)\s*\)/g;

interface Attachment {
  id: string;
  /** Inside the uploads folder, as WordPress filed it. */
  path: string;
  url: string;
  alt: string;
  caption: string;
  line: number;
}

/** One library image to bring in: every size of one upload, with where its file may be found. */
interface WantedImage {
  key: string;
  /** The file as WordPress filed it first, then the sizes the posts named, tried in turn. */
  candidates: { path: string; url: string }[];
  attachment: Attachment | undefined;
  line: number;
}

export interface WordPressMediaOptions {
  deps: MediaDeps;
  run: ImportRun;
  report: ImportReport;
  /** A copy of the old site's `wp-content/uploads`; files missing there are downloaded. */
  mediaDir?: string;
  progress?: ProgressOutput;
}

/**
 * The old site's images into the media library, once the file has ended (attachments may come after the
 * posts that show them): each post's featured image (`_thumbnail_id`) and the uploads its body shows, every
 * size of one photo as one library image, with the attachment's alt text and caption. Files come from
 * `mediaDir` or the old site; what cannot be had is listed and keeps its old address. Each upload is
 * imported once (import ids), so a second run only fetches what the first could not.
 */
export class WordPressMedia {
  private readonly attachments = new Map<string, Attachment>();
  private readonly attachmentsByKey = new Map<string, Attachment>();
  private readonly hosts = new Set<string>();
  private readonly landed: LandedPost[] = [];
  /** The old site's address, for uploads named without an attachment. */
  baseUrl: string | undefined;

  constructor(private readonly options: WordPressMediaOptions) {}

  addAttachment(post: WpPost): void {
    const address = uploadAddress(post.attachmentUrl);
    const path = isUploadPath(post.attachedFile) ? post.attachedFile : address?.path;
    if (!path) return;
    const prefix = address?.prefix ?? (this.baseUrl ? new URL('wp-content/uploads/', this.baseUrl).href : '');
    if (address) this.hosts.add(hostKey(address.hostname));
    const attachment: Attachment = {
      id: post.id,
      path,
      url: address && address.path === path ? post.attachmentUrl : uploadUrl(prefix, path),
      alt: post.imageAlt,
      caption: plainText(post.excerpt),
      line: post.line,
    };
    this.attachments.set(post.id, attachment);
    this.attachmentsByKey.set(originalPath(path), attachment);
  }

  addLanded(post: LandedPost): void {
    if (post.articleId) this.landed.push(post);
  }

  async finish(): Promise<void> {
    if (this.landed.length === 0) return;
    if (this.baseUrl) this.hosts.add(hostKey(new URL(this.baseUrl).hostname));
    const wanted = await this.wantedImages();
    const mediaIds = await this.importImages(wanted);
    await this.rewriteArticles(mediaIds);
  }

  /** Every upload the landed posts show, by its original's path. */
  private async wantedImages(): Promise<Map<string, WantedImage>> {
    const wanted = new Map<string, WantedImage>();
    const want = (path: string, url: string, prefix: string, line: number) => {
      const key = originalPath(path);
      let image = wanted.get(key);
      if (!image) {
        const attachment = this.attachmentsByKey.get(key);
        const first = attachment ? { path: attachment.path, url: attachment.url } : { path: key, url: uploadUrl(prefix, key) };
        image = { key, candidates: [first], attachment, line: attachment?.line ?? line };
        wanted.set(key, image);
      }
      if (!image.candidates.some((candidate) => candidate.path === path)) image.candidates.push({ path, url });
    };
    for await (const { post, row } of this.landedRows()) {
      const featured = this.attachments.get(post.thumbnailId);
      if (featured && !row.featured_image_url) want(featured.path, featured.url, '', post.line);
      else if (post.thumbnailId && !featured && !row.featured_image_url) {
        this.options.report.notice(IMAGES, post.line, post.postId, `its featured image (attachment ${post.thumbnailId.slice(0, 20)}) is not in the file`);
      }
      for (const image of this.bodyUploads(row.body_md)) want(image.path, image.url, image.prefix, post.line);
    }
    return wanted;
  }

  /** Library ids by upload key: imported by an earlier run (and still in the library), or now. */
  private async importImages(wanted: Map<string, WantedImage>): Promise<Map<string, string>> {
    const { deps, run, report } = this.options;
    const known = await lookupIds(deps.db, idScope(run), 'media', [...wanted.keys()]);
    const present = await findMediaInChunks(deps, [...known.values()].map((row) => row.localId));
    const mediaIds = new Map<string, string>();
    const stale: string[] = [];
    for (const [key, row] of known) {
      if (present.has(row.localId)) mediaIds.set(key, row.localId);
      else stale.push(key);
    }
    // An editor deleted the image since: it is brought in again.
    for (let at = 0; at < stale.length; at += IDS_PER_QUERY) {
      await deps.db.deleteFrom('import_ids').where('source', '=', run.source).where('scope', '=', idScope(run).scope).where('kind', '=', 'media')
        .where('external_id', 'in', stale.slice(at, at + IDS_PER_QUERY)).execute();
    }
    if (mediaIds.size > 0) report.skipped(IMAGES, ALREADY_IMPORTED, mediaIds.size);
    const queue = [...wanted.values()].filter((image) => !mediaIds.has(image.key));
    if (queue.length === 0) return mediaIds;
    const { maxBytes } = await uploadLimits(deps);
    const progress = this.options.progress ? createProgress({ label: 'import wordpress images', totalBytes: queue.length, output: this.options.progress, everyItems: 100 }) : undefined;
    let done = 0;
    const worker = async () => {
      for (let image = queue.shift(); image; image = queue.shift()) {
        const id = await this.importImage(image, maxBytes);
        if (id) mediaIds.set(image.key, id);
        done += 1;
        progress?.update(done, done);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENT_DOWNLOADS }, worker));
    progress?.finish(done, done);
    return mediaIds;
  }

  /** The first candidate file that is a usable image, from the folder and then the old site; reported when none is. */
  private async importImage(image: WantedImage, maxBytes: number): Promise<string | undefined> {
    const { deps, run, report, mediaDir } = this.options;
    let reason: string | undefined;
    let foundLocally = false;
    const sources: (() => Promise<Fetched | null>)[] = [
      ...(mediaDir ? image.candidates.map((candidate) => () => readUploadFile(mediaDir, candidate.path, maxBytes)) : []),
      ...image.candidates.map((candidate) => () => downloadUpload(candidate.url, maxBytes, DOWNLOAD_TIMEOUT_MS)),
    ];
    for (const source of sources) {
      const fetched = await source();
      if (!fetched) continue;
      if (sources.indexOf(source) < (mediaDir ? image.candidates.length : 0)) foundLocally = true;
      if (!fetched.ok) {
        reason ??= fetched.reason;
        continue;
      }
      try {
        const item = await storeUpload(deps, {
          bytes: fetched.bytes,
          filename: basename(image.key),
          alt: clip(image.attachment?.alt ?? '', 1000),
          caption: clip(image.attachment?.caption ?? '', 2000),
          uploadedBy: null,
        });
        await rememberIds(deps.db, run, 'media', [{ externalId: image.key, localId: item.id }]);
        report.imported(IMAGES);
        return item.id;
      } catch (error) {
        reason ??= (error as Error).message;
      }
    }
    const url = image.candidates[0].url;
    const why = `${mediaDir && !foundLocally ? 'not in the media folder; ' : ''}${reason ?? 'no address to download it from'}`;
    report.failed(IMAGES, image.line, url, why);
    report.listed(NOT_FETCHED, { line: image.line, id: image.attachment?.id ?? null, text: `${url}: ${why}` });
    return undefined;
  }

  /**
   * Bodies with `/media/ID` images (alt text from the attachment when the post had none), links to the
   * full-size upload (WordPress wraps images in them) led to the library's original, and featured images.
   */
  private async rewriteArticles(mediaIds: Map<string, string>): Promise<void> {
    const { deps } = this.options;
    const alts = new Map<string, string>();
    for (const [key, attachment] of this.attachmentsByKey) if (attachment.alt) alts.set(key, attachment.alt);
    const originals = new Map<string, string>();
    for await (const { post, row } of this.landedRows()) {
      const withImages = row.body_md.replace(MARKDOWN_IMAGE, (whole, alt: string, target: string, title: string) => {
        const address = this.upload(target);
        const id = address && mediaIds.get(originalPath(address.path));
        if (!id) return whole;
        const described = alt || escapeText(alts.get(originalPath(address.path)) ?? '');
        return `![${described}](${mediaReference(id)}${title})`;
      });
      const linked = [...withImages.matchAll(MARKDOWN_LINK_TARGET)].flatMap((match) => {
        const address = this.upload(match[1]);
        const id = address && mediaIds.get(originalPath(address.path));
        return id && !originals.has(id) ? [id] : [];
      });
      for (const item of (await findMedia(deps, linked)).values()) originals.set(item.id, originalUrl(item));
      const body = withImages.replace(MARKDOWN_LINK_TARGET, (whole, target: string) => {
        const address = this.upload(target);
        const original = address && originals.get(mediaIds.get(originalPath(address.path)) ?? '');
        return original ? `](${original})` : whole;
      });
      const featured = row.featured_image_url ? undefined : this.attachments.get(post.thumbnailId);
      const featuredId = featured && mediaIds.get(originalPath(featured.path));
      if (body === row.body_md && !featuredId) continue;
      await setImportedImages(deps, row.id, {
        body,
        ...(featuredId ? { featuredImageUrl: mediaReference(featuredId), featuredImageAlt: featured!.alt } : {}),
      });
    }
  }

  /** The landed posts with their article as it is stored now, a page of them at a time. */
  private async *landedRows() {
    for (let at = 0; at < this.landed.length; at += ARTICLES_PER_QUERY) {
      const posts = this.landed.slice(at, at + ARTICLES_PER_QUERY);
      const rows = await this.options.deps.db
        .selectFrom('articles')
        .select(['id', 'body_md', 'featured_image_url'])
        .where('id', 'in', posts.map((post) => post.articleId))
        .execute();
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const post of posts) {
        const row = byId.get(post.articleId);
        if (row) yield { post, row };
      }
    }
  }

  private bodyUploads(body: string): (UploadAddress & { url: string })[] {
    return [...body.matchAll(MARKDOWN_IMAGE)].flatMap((match) => this.upload(match[2]) ?? []);
  }

  /** An image target that is one of the old site's uploads (its own host, or an attachment's). */
  private upload(target: string): (UploadAddress & { url: string }) | null {
    const url = target.startsWith('<') ? target.slice(1, -1) : target;
    const address = uploadAddress(url);
    return address && this.hosts.has(hostKey(address.hostname)) ? { ...address, url } : null;
  }
}

/** Library items by id, a thousand at a time (a database takes only so many parameters in one query). */
async function findMediaInChunks(deps: MediaDeps, ids: string[]): Promise<Map<string, MediaItem>> {
  const found = new Map<string, MediaItem>();
  for (let at = 0; at < ids.length; at += IDS_PER_QUERY) {
    for (const [id, item] of await findMedia(deps, ids.slice(at, at + IDS_PER_QUERY))) found.set(id, item);
  }
  return found;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
