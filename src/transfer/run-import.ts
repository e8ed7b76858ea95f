import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { newId } from '../db/ids.js';
import { clearParked, type ImportRun } from './import-ids.js';
import { createProgress } from './progress.js';
import { ImportReport, type ImportSummary } from './report.js';
import type { ImportFileOptions, TransferDeps } from './types.js';
import { readXmlRecords, XmlFormatError, type XmlRecord } from './xml-records.js';

export interface ImportHandlers {
  handle(record: XmlRecord): Promise<void>;
  /** The file was read to its end: write what is buffered and settle what is parked. */
  finish(): Promise<void>;
  /** The file broke off: write what is buffered, so everything read before the break is kept. */
  salvage(): Promise<void>;
}

export interface ImportContext {
  run: ImportRun;
  report: ImportReport;
  siteName: string;
}

/**
 * The frame every XML import runs in: one run id, a fresh parking table for this source, the file read
 * as a stream of records with progress, and a file that breaks off ends the run with what was read kept.
 */
export async function runXmlImport(
  deps: TransferDeps,
  options: ImportFileOptions & { source: string; records: readonly string[] },
  start: (context: ImportContext) => ImportHandlers,
): Promise<ImportSummary> {
  const run: ImportRun = { source: options.source, runId: newId(deps.now()), now: deps.now };
  const report = new ImportReport(options.source, options.problems ?? (() => {}));
  const { size } = await stat(options.file);
  await clearParked(deps.db, options.source);
  const siteName = (await deps.settings.get()).site.name;
  const handlers = start({ run, report, siteName });
  const progress = options.progress
    ? createProgress({ label: `import ${options.source}`, totalBytes: size, output: options.progress, everyItems: options.progressEvery })
    : undefined;
  let items = 0;
  let bytes = 0;
  try {
    const stream = createReadStream(options.file, { highWaterMark: 256 * 1024 });
    for await (const records of readXmlRecords(stream, { records: options.records, onBytes: (read) => (bytes = read) })) {
      for (const record of records) {
        items += 1;
        await handlers.handle(record);
      }
      progress?.update(items, bytes);
    }
    await handlers.finish();
  } catch (error) {
    if (!(error instanceof XmlFormatError)) throw error;
    await handlers.salvage();
    report.fatal(`${options.file}: ${error.message}`);
  } finally {
    progress?.finish(items, bytes);
  }
  return report.summary;
}
