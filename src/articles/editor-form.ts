import { fromWallTime, toWallTime } from '../web/dates.js';
import type { EditorValues } from './article-editor-page.js';
import { articleErrors } from './errors.js';
import type { Article, ArticleInput, ArticleStatus, MediaTag } from './types.js';

/** The editor form as the browser posts it (urlencoded; repeated names arrive as arrays). */
export interface EditorForm {
  action?: EditorAction;
  title?: string;
  slug?: string;
  summary?: string;
  body?: string;
  mediaTag?: string;
  videoUrl?: string;
  featuredImageUrl?: string;
  featuredImageAlt?: string;
  authorId?: string;
  topics?: string[];
  sourceName?: string[];
  sourceUrl?: string[];
  publishedAt?: string;
  publishedAtWas?: string;
  commentsOpen?: string;
  premoderate?: string;
  commentsCloseAfterDays?: string;
  sticky?: string;
  coAuthors?: string[];
  kind?: string;
  showRelated?: string;
}

export const EDITOR_ACTIONS = ['save', 'publish', 'schedule', 'unpublish', 'preview'] as const;
export type EditorAction = (typeof EDITOR_ACTIONS)[number];

const text = { type: 'string', maxLength: 250_000 } as const;
const list = { type: 'array', maxItems: 200, items: { type: 'string', maxLength: 2000 } } as const;

/** Loose on purpose: the service checks the rules and the form shows its message beside the field. */
export const editorFormSchema = {
  type: 'object',
  properties: {
    _csrf: { type: 'string' },
    action: { type: 'string', enum: EDITOR_ACTIONS },
    title: text, slug: text, summary: text, body: text, mediaTag: text, videoUrl: text, featuredImageUrl: text,
    featuredImageAlt: text, authorId: text, publishedAt: text, publishedAtWas: text, commentsOpen: text, premoderate: text,
    commentsCloseAfterDays: text, sticky: text, kind: text, showRelated: text, topics: list, coAuthors: list, sourceName: list, sourceUrl: list,
  },
} as const;

export function valuesFromForm(form: EditorForm): EditorValues {
  const names = form.sourceName ?? [];
  const urls = form.sourceUrl ?? [];
  const sources: EditorValues['sources'] = [];
  for (let i = 0; i < Math.max(names.length, urls.length); i++) {
    const name = (names[i] ?? '').trim();
    const url = (urls[i] ?? '').trim();
    if (name || url) sources.push({ name, url });
  }
  return {
    title: form.title ?? '',
    slug: form.slug ?? '',
    summary: form.summary ?? '',
    // Browsers send CRLF line ends; store what the editor sees.
    body: (form.body ?? '').replace(/\r\n/g, '\n'),
    mediaTag: form.mediaTag ?? '',
    videoUrl: form.videoUrl ?? '',
    featuredImageUrl: form.featuredImageUrl ?? '',
    featuredImageAlt: form.featuredImageAlt ?? '',
    authorId: form.authorId ?? '',
    topics: form.topics ?? [],
    sources,
    publishedAt: form.publishedAt ?? '',
    publishedAtWas: form.publishedAtWas ?? '',
    commentsOpen: form.commentsOpen !== undefined,
    premoderate: form.premoderate !== undefined,
    commentsCloseAfterDays: form.commentsCloseAfterDays ?? '',
    sticky: form.sticky !== undefined,
    coAuthors: form.coAuthors ?? [],
    kind: form.kind === 'page' ? 'page' : 'article',
    showRelated: form.showRelated !== undefined,
  };
}

export function valuesFromArticle(article: Article, timeZone: string): EditorValues {
  const wall = article.publishedAt ? toWallTime(article.publishedAt, timeZone) : '';
  return {
    title: article.title,
    slug: article.slug,
    summary: article.summary,
    body: article.body,
    mediaTag: article.mediaTag ?? '',
    videoUrl: article.videoUrl ?? '',
    featuredImageUrl: article.featuredImageUrl ?? '',
    featuredImageAlt: article.featuredImageAlt ?? '',
    authorId: article.author.id,
    topics: article.topics.map((topic) => topic.id),
    sources: article.sources,
    publishedAt: wall,
    publishedAtWas: wall,
    commentsOpen: article.commentsOpen,
    premoderate: article.premoderate,
    commentsCloseAfterDays: article.commentsCloseAfterDays === null ? '' : String(article.commentsCloseAfterDays),
    sticky: article.sticky,
    coAuthors: article.coAuthors.map((author) => author.id),
    kind: article.kind,
    showRelated: article.showRelated,
  };
}

export function blankValues(authorId: string, kind: EditorValues['kind'] = 'article'): EditorValues {
  return {
    title: '', slug: '', summary: '', body: '', mediaTag: '', videoUrl: '', featuredImageUrl: '', featuredImageAlt: '',
    authorId, topics: [], sources: [], publishedAt: '', publishedAtWas: '', commentsOpen: kind === 'article', premoderate: false, commentsCloseAfterDays: '',
    sticky: false, coAuthors: [], kind, showRelated: kind === 'article',
  };
}

/**
 * The service input for a button press. The time field is the site's wall time; it is passed on only
 * when the editor changed it, so saving never shifts a stored time to the minute the form shows.
 */
export function inputFromValues(values: EditorValues, action: Exclude<EditorAction, 'preview'>, timeZone: string, now: Date): ArticleInput {
  const changedTime = values.publishedAt.trim() !== values.publishedAtWas.trim();
  let publishedAt: string | null | undefined;
  if (changedTime || action === 'schedule') {
    if (!values.publishedAt.trim()) publishedAt = null;
    else {
      publishedAt = fromWallTime(values.publishedAt, timeZone);
      if (!publishedAt) throw articleErrors.raise('DATE_INVALID', 'The publication time is not a valid date and time.', 'publishedAt');
    }
  }
  const status: ArticleStatus | undefined = action === 'publish' ? 'published' : action === 'schedule' ? 'scheduled' : action === 'unpublish' ? 'draft' : undefined;
  // "Publish now" ignores a future time left in the field; a past one back-dates the story.
  if (action === 'publish' && publishedAt && publishedAt > now.toISOString()) publishedAt = undefined;
  if (action === 'schedule' && publishedAt === null) {
    throw articleErrors.raise('DATE_INVALID', 'Choose when the article goes live.', 'publishedAt');
  }
  const days = values.commentsCloseAfterDays.trim();
  if (days && !/^\d{1,4}$/.test(days)) throw articleErrors.raise('VALUE_INVALID', 'Enter a number of days, or leave it empty.', 'commentsCloseAfterDays');
  return {
    title: values.title,
    slug: values.slug,
    summary: values.summary,
    body: values.body,
    mediaTag: values.mediaTag as MediaTag | '',
    videoUrl: values.videoUrl,
    featuredImageUrl: values.featuredImageUrl,
    featuredImageAlt: values.featuredImageAlt,
    authorId: values.authorId,
    topics: values.topics,
    sources: values.sources,
    ...(status ? { status } : {}),
    ...(publishedAt !== undefined ? { publishedAt } : {}),
    commentsOpen: values.commentsOpen,
    premoderate: values.premoderate,
    commentsCloseAfterDays: days ? Number(days) : null,
    sticky: values.kind === 'page' ? false : values.sticky,
    coAuthors: values.coAuthors,
    kind: values.kind,
    ...(values.kind === 'page' ? { showRelated: values.showRelated } : {}),
  };
}
