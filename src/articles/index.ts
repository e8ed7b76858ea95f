export { findArticleForComments, nextScheduledPublication, publicArticles } from './queries.js';
export { articlesPlugin, type ArticlesPluginOptions } from './routes.js';
export { createArticleScheduler, type ArticleScheduler } from './scheduler.js';
export { createArticle, getArticle, findPublicArticle } from './service.js';
export { createTopic } from './topics.js';
export { seedDemoArticles, DEMO_MAIN_ARTICLE_SLUG } from './demo.js';
export type { Article, ArticleInput, ArticleTeaser, Topic } from './types.js';
export { oldAddressRedirects } from './redirects.js';
export { setCommentsOpen } from './comments-open.js';
// What imports and data-rights tools write and read (src/transfer), as one contract.
export * from './import-writer.js';
export { hostKey, oldAddress } from './redirects.js';
export { parseVideoUrl } from './video.js';
export { articleMediaIds } from './article-media.js';
export { renderBody } from './rendering.js';
export { isPublic } from './types.js';
// The domain's contract (contract.ts): what routes, other domains and client/ rely on.
export type { ArticlesEvent } from './contract.js';
// Static pages (issue #16): the navigation's settings box and the donate page's introduction, wired in app.ts.
export { navigationSettingsSection } from './navigation-settings.js';
export { donatePageIntro } from './static-page.js';
export { RESERVED_PAGE_SLUGS } from './page-slugs.js';
