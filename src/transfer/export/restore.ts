import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { migrations as knownMigrations } from '../../db/migrations/index.js';
import { createProgress, type ProgressOutput } from '../progress.js';
import type { TransferDeps } from '../types.js';
import { exportTables, type ExportTable } from './tables.js';
import { EXPORT_FORMAT, EXPORT_VERSION } from './write.js';

/** The file cannot be restored here; the message says why and what to do. */
export class RestoreError extends Error {
  override name = 'RestoreError';
}

export interface RestoreSummary {
  exportedAt: string;
  rowCounts: Record<string, number>;
}

/** Rows per INSERT: well under both engines' limits on bound parameters. */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS = 500;

/**
 * `tribune import tribune FILE.json.gz`: puts an export back, exactly, into an empty database: same ids,
 * same password hashes (logins keep working), same settings. It is one transaction: a file that turns
 * out to be damaged halfway leaves the database as empty as it was.
 */
export async function restoreDatabase(deps: TransferDeps, file: string, options: { progress?: ProgressOutput } = {}): Promise<RestoreSummary> {
  const tables = new Map((await exportTables(deps.db, deps.dialect)).map((table) => [table.name, table]));
  for (const table of tables.values()) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const row = await (deps.db as unknown as Kysely<any>).selectFrom(table.name).select(table.columns[0]).limit(1).executeTakeFirst();
    if (row) {
      throw new RestoreError(`The database is not empty (table ${table.name} has rows). A restore goes into a new, empty database: point TRIBUNE_DATABASE_URL (or TRIBUNE_DATA_DIR) at one and run the import again.`);
    }
  }
  const { size } = await stat(file);
  const progress = options.progress ? createProgress({ label: 'restore', totalBytes: size, output: options.progress, everyItems: 10_000 }) : undefined;
  // No 'data' listener here: it would start the stream flowing before the reader is attached, and on a
  // slow connection the first chunks would be lost. The stream counts its own bytes.
  const input = createReadStream(file);
  let rows = 0;
  try {
    const summary = await deps.db.transaction().execute(async (trx) => {
      const restore = new TableWriter(trx, tables, () => progress?.update(++rows, input.bytesRead));
      return restore.run(readLines(input));
    });
    await deps.settings.reloaded();
    return summary;
  } finally {
    input.destroy();
    progress?.finish(rows, input.bytesRead);
  }
}

class TableWriter {
  private batch: Record<string, unknown>[] = [];
  private table: ExportTable | undefined;
  private readonly counts: Record<string, number> = {};

  constructor(
    private readonly db: Kysely<Database>,
    private readonly tables: Map<string, ExportTable>,
    private readonly onRow: () => void,
  ) {}

  async run(lines: AsyncGenerator<{ text: string; number: number }>): Promise<RestoreSummary> {
    let header: { exportedAt: string } | undefined;
    for await (const { text, number } of lines) {
      const fail = (why: string) => new RestoreError(`line ${number} of the export: ${why}`);
      if (!header) {
        header = readHeader(text, fail);
        continue;
      }
      if (text.startsWith('{')) {
        if (!this.table) throw fail('a row outside any table');
        let row: Record<string, unknown>;
        try {
          row = JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text) as Record<string, unknown>;
        } catch {
          throw fail('a row that is not valid JSON');
        }
        const unknown = Object.keys(row).find((column) => !this.table!.columns.includes(column));
        if (unknown) throw fail(`column ${this.table.name}.${unknown} does not exist here: the export comes from a newer Tribune`);
        this.batch.push(row);
        this.onRow();
        if (this.batch.length >= Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / this.table.columns.length))) await this.flush();
        continue;
      }
      const opening = /^"([a-z0-9_]+)":\[$/.exec(text);
      if (opening) {
        if (this.table) throw fail(`table ${opening[1]} starts before ${this.table.name} ends`);
        this.table = this.tables.get(opening[1]);
        if (!this.table) throw fail(`there is no table ${opening[1]} here: the export comes from a newer Tribune`);
        this.counts[this.table.name] = 0;
        continue;
      }
      if (text === ']' || text === '],') {
        if (!this.table) throw fail('a table ends that never started');
        await this.flush();
        this.table = undefined;
        continue;
      }
      if (text.startsWith('},"rowCounts":')) {
        if (this.table) throw fail(`the file ends inside table ${this.table.name}`);
        const expected = (JSON.parse(`{${text.slice(2)}`) as { rowCounts: Record<string, number> }).rowCounts;
        for (const [name, count] of Object.entries(expected)) {
          if ((this.counts[name] ?? 0) !== count) throw fail(`table ${name} should have ${count} rows, the file holds ${this.counts[name] ?? 0}`);
        }
        return { exportedAt: header.exportedAt, rowCounts: this.counts };
      }
      throw fail(`unexpected content "${text.slice(0, 40)}"`);
    }
    throw new RestoreError('The export ends early (the file is truncated?): nothing was restored.');
  }

  private async flush(): Promise<void> {
    if (!this.table || this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await (this.db as unknown as Kysely<any>).insertInto(this.table.name).values(rows).execute();
    this.counts[this.table.name] += rows.length;
  }
}

function readHeader(text: string, fail: (why: string) => RestoreError): { exportedAt: string } {
  const suffix = ',"tables":{';
  let header: { format?: string; version?: number; exportedAt?: string; migrations?: string[] };
  try {
    if (!text.endsWith(suffix)) throw new Error();
    header = JSON.parse(`${text.slice(0, -suffix.length)}}`) as typeof header;
  } catch {
    throw fail('this is not a Tribune export (no export header)');
  }
  if (header.format !== EXPORT_FORMAT) throw fail('this is not a Tribune export');
  if (header.version !== EXPORT_VERSION) throw fail(`export format version ${header.version} is not one this Tribune reads (it reads ${EXPORT_VERSION})`);
  const unknown = (header.migrations ?? []).filter((name) => !(name in knownMigrations));
  if (unknown.length > 0) throw fail(`the export comes from a newer Tribune (schema ${unknown.join(', ')}): upgrade first`);
  return { exportedAt: header.exportedAt ?? '' };
}

/** Lines of a gzipped file, decoded across chunk boundaries; a damaged file throws. */
async function* readLines(input: Readable): AsyncGenerator<{ text: string; number: number }> {
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let number = 0;
  try {
    for await (const chunk of gunzip) {
      const parts = (carry + decoder.write(chunk as Buffer)).split('\n');
      carry = parts.pop()!;
      for (const text of parts) yield { text, number: ++number };
    }
  } catch (error) {
    throw new RestoreError(`The export cannot be read (${(error as Error).message}): is it a complete .json.gz file? Nothing was restored.`);
  }
  carry += decoder.end();
  if (carry) yield { text: carry, number: ++number };
}
