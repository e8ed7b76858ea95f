import SQLite from 'better-sqlite3';
import type { Config } from '../config.js';
import { FatalError, UsageError } from './args.js';

/**
 * `tribune backup FILE`: a consistent copy of the SQLite database while the site keeps serving
 * (SQLite's online backup API). PostgreSQL sites use pg_dump instead.
 */
export async function backupCommand(config: Config, args: string[]): Promise<void> {
  const [target, extra] = args;
  if (!target || extra !== undefined || target.startsWith('-')) throw new UsageError('usage: tribune backup FILE');
  if (!config.databaseUrl.startsWith('sqlite:')) {
    throw new FatalError('tribune backup copies the SQLite database; on PostgreSQL use pg_dump (see docs/deployment.md)');
  }
  const database = new SQLite(config.databaseUrl.slice('sqlite:'.length), { readonly: true, fileMustExist: true });
  try {
    let last = -1;
    await database.backup(target, {
      progress({ totalPages, remainingPages }) {
        const percent = Math.floor(((totalPages - remainingPages) / Math.max(totalPages, 1)) * 100);
        if (percent !== last && percent % 10 === 0) process.stderr.write(`backup ${percent}%\n`);
        last = percent;
        return 200;
      },
    });
  } finally {
    database.close();
  }
  process.stdout.write(`Backed up to ${target}\n`);
}
