#!/usr/bin/env node
import { loadConfig, ConfigError, type Config } from './config.js';
import { migrateToLatest } from './db/migrate.js';
import { openDatabase } from './db/database.js';
import { AppError } from './errors.js';
import { FatalError, UsageError } from './cli/args.js';
import { backupCommand } from './cli/backup.js';
import { serve } from './cli/serve.js';
import { userCommand } from './cli/user.js';
import { seedDemo, needsSeed } from './demo/seed.js';
import { createRuntime } from './runtime.js';

const USAGE = `usage: tribune <command>

  serve [--demo]          serve the site (migrates first; --demo seeds a demo newsroom on first run)
  migrate                 bring the database schema up to date
  seed-demo               fill an empty database with the demo newsroom
  user add --email E --role admin|editor|moderator [--name N] [--password P]
  backup FILE             copy the SQLite database while the site runs
  import disqus FILE.xml  import Disqus comments (threads matched to articles); safe to run again
  import wordpress FILE.xml
                          import WordPress posts, authors, topics and comments (WXR); safe to run again
  import tribune FILE.json.gz
                          restore a Tribune export into an empty database
  export FILE.json.gz     write the whole site to one file (docs/export-format.md)
`;

type Command = (config: Config, args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  serve: (config, args) => serve({ ...config, demo: config.demo || args.includes('--demo') }),
  migrate: async (config) => {
    const database = openDatabase(config.databaseUrl);
    try {
      const applied = await migrateToLatest(database);
      process.stdout.write(applied.length ? `Applied ${applied.join(', ')}\n` : 'Schema is up to date\n');
    } finally {
      await database.destroy();
    }
  },
  'seed-demo': async (config) => {
    const runtime = await createRuntime(config);
    try {
      if (!(await needsSeed(runtime))) throw new UsageError('the database already has data; seed-demo fills only an empty one');
      await seedDemo(runtime);
      process.stdout.write('Seeded the demo newsroom\n');
    } finally {
      await runtime.close();
    }
  },
  user: userCommand,
  moderate: async (config, args) => (await import('./cli/moderate.js')).moderateCommand(config, args),
  backup: backupCommand,
  import: async (config, args) => (await import('./cli/import.js')).importCommand(config, args),
  export: async (config, args) => (await import('./cli/export.js')).exportCommand(config, args),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(name && name !== 'help' && name !== '--help' ? `Unknown command "${name}"\n\n${USAGE}` : USAGE);
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  try {
    await command(loadConfig(), args);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) process.stderr.write(`Configuration error: ${error.message}\n`);
    else if (error instanceof UsageError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof AppError || error instanceof FatalError) process.stderr.write(`${error.message}\n`);
    else throw error;
    return error instanceof UsageError ? 2 : 1;
  }
}

const code = await main(process.argv.slice(2));
if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
