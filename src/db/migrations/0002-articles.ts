import type { AnyDb, MigrationFactory } from './context.js';

export const articles: MigrationFactory = ({ sortableText }) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('articles')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('media_tag', 'text')
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('video_url', 'text')
      .addColumn('featured_image_url', 'text')
      .addColumn('featured_image_alt', 'text')
      .addColumn('author_id', sortableText, (c) => c.notNull().references('users.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('published_at', sortableText)
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('updated_at', sortableText, (c) => c.notNull())
      .addColumn('comments_open', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('comments_close_after_days', 'integer')
      .addColumn('premoderate', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('articles_public').on('articles').columns(['status', 'published_at', 'id']).execute();
    await db.schema.createIndex('articles_author').on('articles').columns(['author_id', 'published_at']).execute();

    await db.schema
      .createTable('topics')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .execute();

    await db.schema
      .createTable('article_topics')
      .addColumn('article_id', sortableText, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('topic_id', sortableText, (c) => c.notNull().references('topics.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('article_topics_pk', ['article_id', 'topic_id'])
      .execute();
    await db.schema.createIndex('article_topics_topic').on('article_topics').columns(['topic_id', 'article_id']).execute();

    await db.schema
      .createTable('article_sources')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('article_id', sortableText, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('article_sources_article').on('article_sources').columns(['article_id', 'position']).execute();
  },
});
