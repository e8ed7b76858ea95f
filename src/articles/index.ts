export { findArticleForComments, publicArticles } from './queries.js';
