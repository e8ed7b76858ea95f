import { sql } from 'kysely';
import type { AnyDb, MigrationFactory } from './context.js';

/**
 * PostgreSQL's search document for an article. The GIN index is built on exactly this expression and
 * `src/articles/search.ts` queries with it, so the planner can use the index: change both together.
 */
export const ARTICLE_SEARCH_VECTOR_PG =
  "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || " +
  "setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B') || " +
  "setweight(to_tsvector('english'::regconfig, coalesce(body_md, '')), 'C')";

export const articles: MigrationFactory = ({ sortableText, dialect }) => ({
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
    await db.schema.createIndex('articles_updated').on('articles').columns(['updated_at', 'id']).execute();

    if (dialect === 'postgres') {
      await sql.raw(`create index articles_search on articles using gin ((${ARTICLE_SEARCH_VECTOR_PG}))`).execute(db);
    } else {
      await createSqliteSearch(db);
    }
  },
});

/**
 * A full-text index of title, summary and body kept in step by triggers. It stores its own copy keyed
 * by the article id rather than mirroring `articles.rowid`, which VACUUM may renumber.
 */
async function createSqliteSearch(db: AnyDb): Promise<void> {
  await sql`create virtual table articles_fts using fts5(
    article_id unindexed, title, summary, body, tokenize = 'porter unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`create trigger articles_fts_insert after insert on articles begin
    insert into articles_fts (article_id, title, summary, body) values (new.id, new.title, new.summary, new.body_md);
  end`.execute(db);
  await sql`create trigger articles_fts_update after update of title, summary, body_md on articles begin
    delete from articles_fts where article_id = old.id;
    insert into articles_fts (article_id, title, summary, body) values (new.id, new.title, new.summary, new.body_md);
  end`.execute(db);
  await sql`create trigger articles_fts_delete after delete on articles begin
    delete from articles_fts where article_id = old.id;
  end`.execute(db);
}
