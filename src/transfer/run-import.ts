import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { newId } from '../db/ids.js';
import { describeRoot, isDisqusRoot, isWordPressRoot, sniffFile } from './file-kind.js';
import { clearParked, hasLegacyIds, type ImportRun } from './import-ids.js';
import { createProgress } from './progress.js';
import { ImportReport, type ImportSummary } from './report.js';
import type { ImportFileOptions, TransferDeps } from './types.js';
import { readXmlRecords, WrongFileError, XmlFormatError, type XmlRecord } from './xml-records.js';

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

export interface XmlImportKind {
  source: 'wordpress' | 'disqus';
  records: readonly string[];
  /** What the file should be, in words (`a Disqus export`). */
  wanted: string;
}

const ACCEPTS: Record<XmlImportKind['source'], (root: { name: string; attrs: Record<string, string> }) => boolean> = {
  wordpress: isWordPressRoot,
  disqus: isDisqusRoot,
};

/**
 * The frame every XML import runs in: one run id, a fresh parking table for this source, the file read
 * as a stream of records with progress, and a file that breaks off ends the run with what was read kept.
 * A file of another kind is refused before anything is written, and so is a file of which not one
 * record could be imported: either way the summary says what the file looks like.
 */
export async function runXmlImport(
  deps: TransferDeps,
  options: ImportFileOptions & XmlImportKind,
  start: (context: ImportContext) => ImportHandlers,
): Promise<ImportSummary> {
  const run: ImportRun = { source: options.source, scope: null, runId: newId(deps.now()), now: deps.now, legacy: await hasLegacyIds(deps.db, options.source) };
  const report = new ImportReport(options.source, options.problems ?? (() => {}));
  const { size } = await stat(options.file);
  const head = await sniffFile(options.file);
  if (head.notXml) {
    report.refuse(`${options.file} is ${head.notXml}; expected ${options.wanted}.`);
    return report.summary;
  }
  await clearParked(deps.db, options.source);
  const siteName = (await deps.settings.get()).site.name;
  const handlers = start({ run, report, siteName });
  const progress = options.progress
    ? createProgress({ label: `import ${options.source}`, totalBytes: size, output: options.progress, everyItems: options.progressEvery })
    : undefined;
  let items = 0;
  let root = 'the file';
  const perPath = new Map<string, number>();
  const raw = createReadStream(options.file, { highWaterMark: 256 * 1024 });
  const input: Readable = head.gzip ? raw.pipe(createGunzip()) : raw;
  const checkRoot = (element: { name: string; attrs: Record<string, string> }) => {
    root = describeRoot(element);
    if (ACCEPTS[options.source](element)) return null;
    const other = isWordPressRoot(element) ? 'wordpress' : isDisqusRoot(element) ? 'disqus' : null;
    return `${options.file} is ${root}, not ${options.wanted}${other ? `: run \`tribune import ${other} ${options.file}\`` : ''}.`;
  };
  try {
    for await (const records of readXmlRecords(input, { records: options.records, checkRoot })) {
      for (const record of records) {
        items += 1;
        perPath.set(record.path, (perPath.get(record.path) ?? 0) + 1);
        await handlers.handle(record);
      }
      progress?.update(items, raw.bytesRead);
    }
    await handlers.finish();
    const { imported, known, failed } = report.landed;
    if (imported === 0 && known === 0 && failed > 0) {
      const found = [...perPath].map(([path, count]) => `${count} <${path.slice(path.lastIndexOf('/') + 1)}>`).join(', ');
      report.refuse(`not one record of ${options.file} could be imported (${failed} with errors, each printed above). It is ${root}${found ? ` with ${found}` : ''}.`);
    }
  } catch (error) {
    if (error instanceof WrongFileError) {
      report.refuse(error.message);
    } else if (error instanceof XmlFormatError || isZlibError(error)) {
      await handlers.salvage();
      report.fatal(`${options.file}: ${error instanceof XmlFormatError ? error.message : 'the gzip data is damaged or cut short'}`);
    } else {
      throw error;
    }
  } finally {
    raw.destroy();
    progress?.finish(items, raw.bytesRead);
  }
  return report.summary;
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
