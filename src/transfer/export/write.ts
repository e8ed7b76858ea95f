import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ProgressOutput } from '../progress.js';
import type { TransferDeps } from '../types.js';
import { appliedMigrations, exportTables, type ExportTable } from './tables.js';

export const EXPORT_FORMAT = 'tribune-export';
export const EXPORT_VERSION = 1;
const PAGE = 1_000;

export interface ExportSummary {
  rowCounts: Record<string, number>;
}

/**
 * `tribune export FILE.json.gz`: the whole site as one JSON document (see docs/export-format.md),
 * written row by row through gzip, so the export never holds more than a page of rows. It reads one
 * consistent snapshot: a transaction (repeatable read on PostgreSQL; SQLite's WAL gives the same).
 */
export async function exportDatabase(deps: TransferDeps, file: string, options: { progress?: ProgressOutput } = {}): Promise<ExportSummary> {
  let transaction = deps.db.transaction();
  if (deps.dialect === 'postgres') transaction = transaction.setIsolationLevel('repeatable read');
  return transaction.execute(async (trx) => {
    const tables = await exportTables(trx, deps.dialect);
    const migrations = await appliedMigrations(trx);
    const rowCounts: Record<string, number> = {};
    const header = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: deps.now().toISOString(), migrations });
    async function* lines(): AsyncGenerator<string> {
      // The header's fields, then "tables" opened on the same line: see the format's line rules.
      yield `${header.slice(0, -1)},"tables":{\n`;
      for (const [index, table] of tables.entries()) {
        yield `${JSON.stringify(table.name)}:[\n`;
        let count = 0;
        for await (const page of pages(trx, table)) {
          // Each row on its own line; every row but the table's last ends with a comma.
          yield `${count > 0 ? ',\n' : ''}${page.map((row) => JSON.stringify(row)).join(',\n')}`;
          count += page.length;
        }
        rowCounts[table.name] = count;
        options.progress?.write(`export: ${table.name} ${count.toLocaleString('en-US')} rows\n`);
        yield `${count > 0 ? '\n' : ''}]${index < tables.length - 1 ? ',' : ''}\n`;
      }
      yield `},"rowCounts":${JSON.stringify(rowCounts)}}\n`;
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
    return { rowCounts };
  });
}

/** A table's rows in key order, a page at a time, each page starting after the last key of the one before. */
async function* pages(db: Kysely<Database>, table: ExportTable): AsyncGenerator<Record<string, unknown>[]> {
  // Table names come from the schema, not from the database's types: queried untyped.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const untyped = db as unknown as Kysely<any>;
  const order = table.key.length > 0 ? table.key : table.columns;
  let after: unknown[] | undefined;
  for (let offset = 0; ; offset += PAGE) {
    let query = untyped.selectFrom(table.name).selectAll();
    const cursor = after;
    if (cursor && table.key.length === 1) query = query.where(table.key[0], '>', cursor[0]);
    else if (cursor) query = query.where((eb) => eb(eb.refTuple(...(table.key as [string, string])), '>', eb.tuple(...(cursor as [unknown, unknown]))));
    for (const column of order) query = query.orderBy(column);
    query = query.limit(PAGE);
    // Without a known unique key, keyset paging could skip rows that tie: plain offsets instead.
    if (table.key.length === 0) query = query.offset(offset);
    const rows = (await query.execute()) as Record<string, unknown>[];
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1];
    if (table.key.length > 0) after = table.key.map((column) => last[column]);
  }
}
