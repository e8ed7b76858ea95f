import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { Deps } from '../runtime.js';
import { isUniqueViolation } from './db-errors.js';
import { articleErrors } from './errors.js';
import { slugTaken } from './queries.js';
import type { Topic, TopicInput } from './types.js';
import { assertSlug, limitedText, requiredText, slugify } from './validate.js';

type TopicDeps = Pick<Deps, 'db' | 'now'>;

export function listTopics(db: Kysely<Database>): Promise<Topic[]> {
  return db.selectFrom('topics').select(['id', 'slug', 'name', 'description']).orderBy('name').orderBy('id').execute();
}

/** Topics with how many articles (any status) carry them, for the newsroom's topic screen. */
export function listTopicsWithCounts(db: Kysely<Database>) {
  return db
    .selectFrom('topics')
    .leftJoin('article_topics', 'article_topics.topic_id', 'topics.id')
    .select(['topics.id', 'topics.slug', 'topics.name', 'topics.description', (eb) => eb.fn.count<number>('article_topics.article_id').as('articles')])
    .groupBy(['topics.id', 'topics.slug', 'topics.name', 'topics.description'])
    .orderBy('topics.name')
    .execute();
}

export function findTopic(db: Kysely<Database>, by: { id: string } | { slug: string }): Promise<Topic | undefined> {
  const query = db.selectFrom('topics').select(['id', 'slug', 'name', 'description']);
  return ('id' in by ? query.where('id', '=', by.id) : query.where('slug', '=', by.slug)).executeTakeFirst();
}

/** Resolves topic ids or slugs; an unknown one is a 400 naming the field, before anything is written. */
export async function resolveTopicIds(db: Kysely<Database>, refs: string[], field = 'topics'): Promise<string[]> {
  const wanted = [...new Set(refs.map((ref) => ref.trim()).filter(Boolean))];
  if (wanted.length === 0) return [];
  const rows = await db
    .selectFrom('topics')
    .select(['id', 'slug'])
    .where((eb) => eb.or([eb('id', 'in', wanted), eb('slug', 'in', wanted)]))
    .execute();
  const ids: string[] = [];
  for (const ref of wanted) {
    const row = rows.find((topic) => topic.id === ref || topic.slug === ref);
    if (!row) throw articleErrors.raise('TOPIC_UNKNOWN', `There is no topic "${ref.slice(0, 100)}".`, field);
    if (!ids.includes(row.id)) ids.push(row.id);
  }
  return ids;
}

async function validTopic(db: Kysely<Database>, input: TopicInput, current?: Topic) {
  const name = input.name !== undefined ? requiredText(input.name, 'name', 80, 'NAME_REQUIRED') : current?.name;
  if (!name) throw articleErrors.raise('NAME_REQUIRED', undefined, 'name');
  const slugText = input.slug?.trim();
  const slug = slugText ? assertSlug(slugText) : current?.slug ?? assertSlug(slugify(name) || 'topic');
  if (await slugTaken(db, 'topics', slug, current?.id)) throw articleErrors.raise('SLUG_TAKEN', undefined, 'slug');
  const description = limitedText((input.description ?? current?.description ?? '').trim(), 'description', 500);
  return { name, slug, description };
}

export async function createTopic({ db, now }: TopicDeps, input: TopicInput): Promise<Topic> {
  const values = await validTopic(db, input);
  const topic = { id: newId(now()), ...values };
  await db.insertInto('topics').values(topic).execute().catch(slugRace);
  return topic;
}

export async function updateTopic({ db }: TopicDeps, id: string, input: TopicInput): Promise<Topic> {
  const current = await findTopic(db, { id });
  if (!current) throw articleErrors.raise('TOPIC_NOT_FOUND');
  const values = await validTopic(db, input, current);
  await db.updateTable('topics').set(values).where('id', '=', id).execute().catch(slugRace);
  return { id, ...values };
}

/** Removing a topic untags its articles; the articles themselves stay. */
export async function deleteTopic({ db }: TopicDeps, id: string): Promise<void> {
  const result = await db.deleteFrom('topics').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw articleErrors.raise('TOPIC_NOT_FOUND');
}

/** Another request took the slug between our check and our write. */
function slugRace(error: unknown): never {
  throw isUniqueViolation(error) ? articleErrors.raise('SLUG_TAKEN', undefined, 'slug') : error;
}
