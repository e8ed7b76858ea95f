import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './database.js';

describe('SQLite statement cache', () => {
  it('reuses a statement for the same SQL and evicts the least recently used', () => {
    const cached = withStatementCache(new SQLite(':memory:'), 2);
    const first = cached.prepare('select 1 as a');
    expect(cached.prepare('select 1 as a')).toBe(first);
    cached.prepare('select 2 as a');
    cached.prepare('select 1 as a');
    cached.prepare('select 3 as a');
    expect(cached.prepare('select 1 as a')).toBe(first);
    expect(cached.prepare('select 2 as a')).not.toBe(cached.prepare('select 3 as a'));
  });

  it('hands out a fresh statement while the cached one is still being iterated', () => {
    const database = new SQLite(':memory:');
    database.exec('create table t (n integer); insert into t values (1), (2), (3);');
    const cached = withStatementCache(database);
    const sql = 'select n from t order by n';
    const outer = cached.prepare(sql).iterate([]);
    const seen: number[] = [];
    for (const row of outer as Iterable<{ n: number }>) {
      seen.push(row.n, ...(cached.prepare(sql).all([]) as { n: number }[]).map((inner) => inner.n * 10));
      if (seen.length > 20) break;
    }
    expect(seen.slice(0, 4)).toEqual([1, 10, 20, 30]);
  });
});
