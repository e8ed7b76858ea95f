import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

/**
 * A fixed-shape query built and compiled by Kysely once per database, then run with each call's values:
 * building and compiling the same query on every request was a tenth of a page's time. `arg(name)`
 * stands for a value in the query; the SQL text stays the same, so SQLite reuses its prepared
 * statement too (db/database.ts). Only for queries whose shape never depends on the values (no `in`
 * lists, no optional clauses). Compiled once per dialect adapter, which a database's transactions
 * share, so a query run inside a transaction is not compiled again for each one (no plugin that
 * rewrites SQL is used on our databases, so the adapter decides the SQL).
 */
export function preparedQuery<Args extends Record<string, unknown>>() {
  return <Row>(build: (db: Db, arg: <K extends keyof Args & string>(name: K) => Args[K]) => Compilable<Row>) => compileOnce(build);
}

function compileOnce<Args extends Record<string, unknown>, Row>(
  build: (db: Db, arg: <K extends keyof Args & string>(name: K) => Args[K]) => Compilable<Row>,
): (db: Db, args: Args) => Promise<Row[]> {
  const compiled = new WeakMap<object, { query: CompiledQuery<Row>; slots: ((keyof Args & string) | null)[] }>();
  return async (db, args) => {
    const key = db.getExecutor().adapter;
    let entry = compiled.get(key);
    if (!entry) {
      const markers = new Map<string, keyof Args & string>();
      const query = build(db, (name) => {
        const marker = `\u0000tribune-argument:${name}`;
        markers.set(marker, name);
        return marker as never;
      }).compile();
      const slots = query.parameters.map((value) => (typeof value === 'string' ? markers.get(value) ?? null : null));
      if (new Set(slots.filter(Boolean)).size !== markers.size) throw new Error('preparedQuery: an argument did not become a parameter');
      entry = { query, slots };
      compiled.set(key, entry);
    }
    const { query, slots } = entry;
    const parameters = query.parameters.map((value, index) => (slots[index] ? args[slots[index]!] : value));
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
}
