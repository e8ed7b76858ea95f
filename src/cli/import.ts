import { existsSync, statSync } from 'node:fs';
import type { Config } from '../config.js';
import { createRuntime } from '../runtime.js';
import { ImportReport, importDisqus, importWordPress, restoreDatabase, RestoreError, type ImportSummary } from '../transfer/index.js';
import { AppError } from '../errors.js';
import { importSubscribers } from '../newsletters/index.js';
import { FatalError, parseCommandArgs, UsageError } from './args.js';

const USAGE = 'usage: tribune import disqus|wordpress|tribune FILE [--batch N] [--ascii-slugs] [--media-dir UPLOADS]\n       tribune import subscribers FILE.csv [--newsletter SLUG]';

/**
 * `tribune import disqus FILE.xml`, `tribune import wordpress FILE.xml` (or `wxr`): bring an old site's
 * archive in, again and again if need be (nothing is created twice). `tribune import tribune FILE.json.gz`
 * restores a Tribune export into an empty database. Progress and problems go to stderr, the summary to stdout.
 */
export async function importCommand(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { batch: { type: 'string' }, 'ascii-slugs': { type: 'boolean' }, newsletter: { type: 'string' }, 'media-dir': { type: 'string' } });
  const [kind, file, extra] = positionals;
  if (!kind || !file || extra) throw new UsageError(USAGE);
  if (kind === 'subscribers') return importSubscribersCommand(config, file, values.newsletter);
  if (values.newsletter !== undefined) throw new UsageError(`--newsletter is for "import subscribers"\n${USAGE}`);
  if (!['disqus', 'wordpress', 'wxr', 'tribune'].includes(kind)) throw new UsageError(`unknown import "${kind}"\n${USAGE}`);
  if (!existsSync(file)) throw new FatalError(`${file}: no such file`);
  const mediaDir = values['media-dir'];
  if (mediaDir !== undefined && kind !== 'wordpress' && kind !== 'wxr') throw new UsageError(`--media-dir is for "import wordpress"\n${USAGE}`);
  if (mediaDir !== undefined && !statSync(mediaDir, { throwIfNoEntry: false })?.isDirectory()) throw new FatalError(`${mediaDir}: no such folder (give a copy of the old site's wp-content/uploads)`);
  const batchSize = values.batch === undefined ? undefined : Number(values.batch);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5_000)) throw new UsageError('--batch must be a whole number from 1 to 5000');

  const runtime = await createRuntime(config);
  try {
    if (kind === 'tribune') {
      const restored = await restoreDatabase(runtime, file, { progress: process.stderr }).catch((error: unknown) => {
        throw error instanceof RestoreError ? new FatalError(error.message) : error;
      });
      const total = Object.values(restored.rowCounts).reduce((sum, count) => sum + count, 0);
      process.stdout.write(`Restored ${total.toLocaleString('en-US')} rows from the export of ${restored.exportedAt}\n`);
      return;
    }
    const importer = kind === 'disqus' ? importDisqus : importWordPress;
    const slugStyle = values['ascii-slugs'] ? 'ascii' : 'unicode';
    const summary = await importer(runtime, { file, batchSize, slugStyle, mediaDir, progress: process.stderr, problems: (line) => process.stderr.write(line) });
    process.stdout.write(`${summaryLines(summary).join('\n')}\n`);
    if (summary.refused) throw new FatalError(`Nothing was imported: ${summary.refused}`);
    if (summary.fatal) throw new FatalError(`Import stopped: ${summary.fatal}`);
  } finally {
    await runtime.close();
  }
}

/**
 * `tribune import subscribers FILE.csv`: a Mailchimp, Substack or Tribune export into one newsletter
 * (the first when `--newsletter` is not given). Running it again changes nothing.
 */
async function importSubscribersCommand(config: Config, file: string, newsletter: string | undefined): Promise<void> {
  if (!existsSync(file)) throw new FatalError(`${file}: no such file`);
  const runtime = await createRuntime(config);
  try {
    const summary = await importSubscribers(runtime, file, { newsletter, progress: process.stderr }).catch((error: unknown) => {
      throw error instanceof AppError ? new FatalError(error.message) : error;
    });
    const n = (value: number) => value.toLocaleString('en-US');
    process.stdout.write(`Read ${n(summary.rows)} rows: ${n(summary.subscribed)} subscribed, ${n(summary.unsubscribed)} left unsubscribed, ${n(summary.invalid)} without a valid email\n`);
  } finally {
    await runtime.close();
  }
}

function summaryLines(summary: ImportSummary): string[] {
  const report = new ImportReport(summary.source, () => {});
  Object.assign(report.summary, summary);
  return report.lines();
}
