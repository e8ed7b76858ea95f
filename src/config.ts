import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Public origin of the site, used for canonical URLs, feeds, emails and CORS. */
  baseUrl: string;
  /** `sqlite:PATH` or `postgres://…`. */
  databaseUrl: string;
  redisUrl: string | undefined;
  /** Prefix for this site's Redis channels and keys, so several sites can share one Redis. */
  redisPrefix: string;
  dataDir: string;
  /** Signs cookies and CSRF tokens. Generated once into the data folder when not given. */
  secret: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  trustProxy: boolean;
  /** `file:DIR` writes each mail as a JSON file (dev, tests); `smtp://…` or `smtps://…` sends it. */
  mailTransport: string;
  mailFrom: string;
  stripe: {
    secretKey: string | undefined;
    webhookSecret: string | undefined;
    /** Points the SDK at another API host, e.g. an in-process fake in tests: `http://127.0.0.1:12111`. */
    apiBase: string | undefined;
  };
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Serve the seeded demo newsroom and print its admin login. */
  demo: boolean;
  /** Bearer token for /metrics from other hosts (loopback needs none). */
  metricsToken: string | undefined;
  /** Live (Server-Sent Events) streams open at once, per client address and in total; each holds a socket. */
  streams: { perAddress: number; total: number };
  /** Connections held at once; past it new ones are closed on arrival, keeping file descriptors for the database and outbound calls. */
  maxConnections: number;
  /** Worker threads scoring comments (src/moderation/assess-pool.ts); 0 scores them on the main thread. */
  assessWorkers: number;
  /** Where uploaded images are kept (src/media/stores.ts): the data folder, the database, or an S3-compatible bucket. */
  media: MediaConfig;
}

export interface MediaConfig {
  store: 'file' | 'database' | 's3';
  /** Set when TRIBUNE_MEDIA_STORE=s3. */
  s3: { bucket: string; region: string; endpoint: string | undefined; accessKeyId: string | undefined; secretAccessKey: string | undefined; forcePathStyle: boolean; prefix: string } | undefined;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, openFiles: number = openFilesLimit()): Config {
  const dataDir = resolve(env.TRIBUNE_DATA_DIR ?? 'data');
  const port = readInteger(env, 'TRIBUNE_PORT', 3000, 0, 65535);
  const host = env.TRIBUNE_HOST ?? '0.0.0.0';
  const baseUrl = readUrl(env, 'TRIBUNE_BASE_URL', `http://localhost:${port}`, ['http:', 'https:']).replace(/\/$/, '');
  const databaseUrl = env.TRIBUNE_DATABASE_URL ?? `sqlite:${join(dataDir, 'tribune.db')}`;
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new ConfigError('TRIBUNE_DATABASE_URL', 'must start with sqlite: or postgres://');
  }
  const redisUrl = env.TRIBUNE_REDIS_URL ? readUrl(env, 'TRIBUNE_REDIS_URL', '', ['redis:', 'rediss:']) : undefined;
  if (redisUrl && !env.TRIBUNE_SECRET) {
    throw new ConfigError('TRIBUNE_SECRET', 'must be set when TRIBUNE_REDIS_URL is set: every instance must sign cookies with the same secret');
  }
  const logLevel = readChoice(env, 'TRIBUNE_LOG_LEVEL', 'info', [
    'fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent',
  ] as const);
  const mailTransport = env.TRIBUNE_MAIL_TRANSPORT ?? `file:${join(dataDir, 'mail')}`;
  if (!/^(file:|smtps?:\/\/)/.test(mailTransport)) {
    throw new ConfigError('TRIBUNE_MAIL_TRANSPORT', 'must be file:DIR, smtp://… or smtps://…');
  }
  return {
    port,
    host,
    baseUrl,
    databaseUrl,
    redisUrl,
    redisPrefix: env.TRIBUNE_REDIS_PREFIX ?? '',
    dataDir,
    secret: env.TRIBUNE_SECRET ?? secretFromDataDir(dataDir),
    logLevel,
    trustProxy: readBoolean(env, 'TRIBUNE_TRUST_PROXY', false),
    mailTransport,
    mailFrom: env.TRIBUNE_MAIL_FROM ?? `Tribune <no-reply@${new URL(baseUrl).hostname}>`,
    stripe: {
      secretKey: env.TRIBUNE_STRIPE_SECRET_KEY || undefined,
      webhookSecret: env.TRIBUNE_STRIPE_WEBHOOK_SECRET || undefined,
      apiBase: env.TRIBUNE_STRIPE_API_BASE
        ? readUrl(env, 'TRIBUNE_STRIPE_API_BASE', '', ['http:', 'https:'])
        : undefined,
    },
    bodyLimit: readInteger(env, 'TRIBUNE_BODY_LIMIT', 1_048_576, 1024, 100 * 1_048_576),
    demo: readBoolean(env, 'TRIBUNE_DEMO', false),
    metricsToken: env.TRIBUNE_METRICS_TOKEN || undefined,
    streams: {
      perAddress: readInteger(env, 'TRIBUNE_SSE_MAX_PER_ADDRESS', 64, 1, 1_000_000),
      total: readInteger(env, 'TRIBUNE_SSE_MAX_TOTAL', Math.max(16, Math.min(10_000, Math.floor(openFiles / 2))), 1, 1_000_000),
    },
    maxConnections: readInteger(env, 'TRIBUNE_MAX_CONNECTIONS', Math.max(32, openFiles - Math.max(64, Math.ceil(openFiles / 8))), 1, 10_000_000),
    // One per core beyond the main thread's, at most 3: the main thread keeps serving pages and the database.
    assessWorkers: readInteger(env, 'TRIBUNE_ASSESS_WORKERS', Math.max(0, Math.min(3, availableParallelism() - 1)), 0, 64),
    media: readMediaConfig(env),
  };
}

/** Media storage: the data folder unless told otherwise; S3 needs at least a bucket (credentials may come from the SDK's usual chain). */
function readMediaConfig(env: Env): MediaConfig {
  const store = readChoice(env, 'TRIBUNE_MEDIA_STORE', 'file', ['file', 'database', 's3'] as const);
  if (store !== 's3') return { store, s3: undefined };
  const bucket = env.TRIBUNE_S3_BUCKET ?? '';
  if (!bucket) throw new ConfigError('TRIBUNE_S3_BUCKET', 'must be set when TRIBUNE_MEDIA_STORE=s3');
  return {
    store,
    s3: {
      bucket,
      region: env.TRIBUNE_S3_REGION || 'us-east-1',
      endpoint: env.TRIBUNE_S3_ENDPOINT ? readUrl(env, 'TRIBUNE_S3_ENDPOINT', '', ['http:', 'https:']) : undefined,
      accessKeyId: env.TRIBUNE_S3_ACCESS_KEY_ID || undefined,
      secretAccessKey: env.TRIBUNE_S3_SECRET_ACCESS_KEY || undefined,
      // MinIO, Garage and most self-hosted stores want bucket names in the path, not the host.
      forcePathStyle: readBoolean(env, 'TRIBUNE_S3_FORCE_PATH_STYLE', Boolean(env.TRIBUNE_S3_ENDPOINT)),
      prefix: env.TRIBUNE_S3_PREFIX ?? 'media/',
    },
  };
}

/** The process's soft limit on open files (Linux); where it cannot be read, 1024, the usual default. */
export function openFilesLimit(limits = '/proc/self/limits'): number {
  try {
    const value = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync(limits, 'utf8'))?.[1];
    if (value) return value === 'unlimited' ? 1_048_576 : Number(value);
  } catch {
    // Not Linux: fall through.
  }
  return 1024;
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function readChoice<T extends string>(env: Env, name: string, fallback: T, choices: readonly T[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${choices.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function readUrl(env: Env, name: string, fallback: string, protocols: string[]): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL: "${raw}"`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got "${url.protocol}"`);
  }
  return raw;
}

/** A secret that survives restarts without the operator having to invent one for a single-instance site. */
function secretFromDataDir(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
