import { renameSync, rmSync } from 'node:fs';
import type { Config } from '../config.js';
import { createRuntime } from '../runtime.js';
import { exportDatabase } from '../transfer/index.js';
import { UsageError } from './args.js';

/**
 * `tribune export FILE.json.gz`: the whole site in one documented file (docs/export-format.md). It is
 * written beside the target and renamed at the end, so a failed export never leaves a half file behind.
 */
export async function exportCommand(config: Config, args: string[]): Promise<void> {
  const [file, extra] = args;
  if (!file || extra || file.startsWith('-')) throw new UsageError('usage: tribune export FILE.json.gz');
  const partial = `${file}.partial`;
  const runtime = await createRuntime(config);
  try {
    const { rowCounts } = await exportDatabase(runtime, partial, { progress: process.stderr });
    renameSync(partial, file);
    const total = Object.values(rowCounts).reduce((sum, count) => sum + count, 0);
    process.stdout.write(`Exported ${total.toLocaleString('en-US')} rows from ${Object.keys(rowCounts).length} tables to ${file}\n`);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await runtime.close();
  }
}
