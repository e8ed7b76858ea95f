import type { Phase } from './types.js';

export const articleClosed: Phase = {
  name: 'article-closed',
  content: false,
  run({ candidate }) {
    if (candidate.article.commentsOpen) return undefined;
    return { decision: 'reject', reasons: [{ code: 'ARTICLE_CLOSED', message: 'Comments on this article are closed.' }] };
  },
};
