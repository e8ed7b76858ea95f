import { ConfigError, loadConfig, type Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError } from '../errors.js';
import { FatalError, parseCommandArgs, UsageError } from './args.js';
import { backupCommand } from './backup.js';
import { userCommand, USER_USAGE } from './user.js';

const USAGE = `usage: tribune <command>

  serve [--demo]          serve the site (migrates first; --demo seeds a demo newsroom on first run)
  migrate                 bring the database schema up to date
  seed-demo               fill an empty database with the demo newsroom
  user add --email E --role admin|editor|moderator [--name N] [--password P]
  backup FILE             copy the SQLite database while the site runs
  moderate                judge JSON lines of comments with the site's moderation pipeline
  import disqus FILE.xml  import Disqus comments (threads matched to articles); safe to run again
  import wordpress FILE.xml
                          import WordPress posts, authors, topics and comments (WXR); safe to run again
  import tribune FILE.json.gz
                          restore a Tribune export into an empty database
  import subscribers FILE.csv [--newsletter SLUG]
                          import newsletter subscribers (Mailchimp, Substack or Tribune CSV); safe to run again
  export FILE.json.gz     write the whole site to one file (docs/export-format.md)

Every command prints its own usage with --help. Settings come from TRIBUNE_* variables (README.md).
`;

interface Command {
  /** A function where subcommands have their own usage; it may import, but must touch nothing. */
  usage: string | ((args: string[]) => Promise<string>);
  run: (config: Config, args: string[]) => Promise<void>;
}

/** Commands that take no arguments refuse any, so a mistyped flag never runs them for real. */
function noArguments(name: string, args: string[]): void {
  parseCommandArgs(args, {});
  if (args.length > 0) throw new UsageError(`tribune ${name} takes no arguments`);
}

const commands: Record<string, Command> = {
  serve: {
    usage: `usage: tribune serve [--demo]

Brings the database schema up to date, then serves the site on TRIBUNE_HOST:TRIBUNE_PORT
(default 0.0.0.0:3000) until SIGINT or SIGTERM.
  --demo   seed the demo newsroom on the first run (an empty database) and print its admin login
`,
    run: (config, args) => {
      const { values, positionals } = parseCommandArgs(args, { demo: { type: 'boolean' } });
      if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; see tribune serve --help`);
      // Loaded on use, as the other heavy commands are: help and small commands stay quick.
      return import('./serve.js').then(({ serve }) => serve({ ...config, demo: config.demo || values.demo === true }));
    },
  },
  migrate: {
    usage: 'usage: tribune migrate\n\nApplies every migration the database lacks (TRIBUNE_DATABASE_URL) and prints which.\n',
    run: async (config, args) => {
      noArguments('migrate', args);
      const database = openDatabase(config.databaseUrl);
      try {
        const applied = await migrateToLatest(database);
        process.stdout.write(applied.length ? `Applied ${applied.join(', ')}\n` : 'Schema is up to date\n');
      } finally {
        await database.destroy();
      }
    },
  },
  'seed-demo': {
    usage: 'usage: tribune seed-demo\n\nFills an empty database with the demo newsroom: staff, topics, stories, comments and a drive.\n',
    run: async (config, args) => {
      noArguments('seed-demo', args);
      const [{ createRuntime }, { needsSeed, seedDemo }] = await Promise.all([import('../runtime.js'), import('../demo/index.js')]);
      const runtime = await createRuntime(config);
      try {
        if (!(await needsSeed(runtime))) throw new UsageError('the database already has data; seed-demo fills only an empty one');
        await seedDemo(runtime);
        process.stdout.write('Seeded the demo newsroom\n');
      } finally {
        await runtime.close();
      }
    },
  },
  user: { usage: USER_USAGE, run: userCommand },
  moderate: {
    usage: async (args) => (args[0] === 'learn' ? (await import('./learn.js')).LEARN_HELP : (await import('./moderate.js')).HELP),
    run: async (config, args) => (await import('./moderate.js')).moderateCommand(config, args) },
  backup: {
    usage: 'usage: tribune backup FILE\n\nCopies the SQLite database to FILE while the site keeps serving (PostgreSQL: use pg_dump).\n',
    run: backupCommand,
  },
  import: {
    usage: `usage: tribune import disqus|wordpress|tribune FILE [--batch N] [--ascii-slugs] [--media-dir UPLOADS]

  disqus FILE.xml         Disqus comments, threads matched to articles by URL; safe to run again
  wordpress FILE.xml      WordPress (WXR) posts, pages, images, authors, topics and comments; safe to run again
  tribune FILE.json.gz    restore a Tribune export into an empty database
  --batch N               rows per transaction, 1 to 5000
  --ascii-slugs           spell slugs in a–z (Latin, Greek, Cyrillic) instead of keeping their own alphabet
  --media-dir UPLOADS     wordpress: images from this copy of wp-content/uploads; missing ones are downloaded
Progress and problems go to stderr, the summary to stdout (docs/importing.md).
`,
    run: async (config, args) => (await import('./import.js')).importCommand(config, args),
  },
  export: {
    usage: 'usage: tribune export FILE.json.gz\n\nWrites the whole site to one gzipped JSON file (docs/export-format.md); never a half file.\n',
    run: async (config, args) => (await import('./export.js')).exportCommand(config, args),
  },
};

export interface CliIo {
  stdout: Pick<NodeJS.WriteStream, 'write'>;
  stderr: Pick<NodeJS.WriteStream, 'write'>;
  env: Record<string, string | undefined>;
}

function usageOf(command: Command, args: string[]): Promise<string> {
  return typeof command.usage === 'string' ? Promise.resolve(command.usage) : command.usage(args);
}

const HELP_FLAGS = new Set(['--help', '-h']);

/** Asked for help anywhere before a `--`, at any depth (`tribune user add --help`). */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => HELP_FLAGS.has(arg));
}

/**
 * The whole CLI as one function, so tests run it in-process. Help is answered before the
 * configuration is read: `loadConfig` creates the data folder and its secret, and a command asked
 * for its usage must touch nothing.
 */
export async function runCli(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || HELP_FLAGS.has(name) || name === 'help') {
    const topic = name === 'help' && args[0] ? commands[args[0]] : undefined;
    io.stdout.write(topic ? await usageOf(topic, args.slice(1)) : USAGE);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`Unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  if (asksForHelp(args)) {
    io.stdout.write(await usageOf(command, args));
    return 0;
  }
  try {
    await command.run(loadConfig(io.env), args);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) io.stderr.write(`Configuration error: ${error.message}\n`);
    else if (error instanceof UsageError) io.stderr.write(`${error.message}\n`);
    else if (error instanceof AppError || error instanceof FatalError) io.stderr.write(`${error.message}\n`);
    else throw error;
    return error instanceof UsageError ? 2 : 1;
  }
}
