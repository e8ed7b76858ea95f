import Tokens from '@fastify/csrf';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import pino from 'pino';
import { createStaffUser, startSession } from '../accounts/index.js';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import type { Role } from '../db/schema.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { createTestDatabase } from './database.js';

export interface TestIdentity {
  userId: string;
  /** Cookie header carrying the session and the CSRF secret. */
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: FastifyInstance;
  runtime: Runtime;
  config: Config;
  /** A controllable clock: tests move it with `clock.set()` / `clock.advance()`. */
  clock: TestClock;
  /** Request as an identity (or anonymously); state-changing requests carry the CSRF token. */
  request(options: InjectOptions & { as?: TestIdentity }): Promise<LightMyRequestResponse>;
  /** A staff member of this role, signed in. */
  signIn(role: Role, email?: string): Promise<TestIdentity>;
  /** Session cookie + CSRF token for an existing user (e.g. a reader). */
  identityFor(userId: string): Promise<TestIdentity>;
  /** An anonymous visitor that still holds a CSRF cookie, like a browser that loaded a page. */
  anonymous(): TestIdentity;
  close(): Promise<void>;
}

export interface TestClock {
  now(): Date;
  set(date: Date | string): void;
  advance(ms: number): void;
}

export function createClock(start: Date | string = new Date()): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (date) => {
      current = new Date(date).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

const csrfTokens = Tokens();
let staffCounter = 0;

export async function startTestApp(options: { env?: Record<string, string>; clock?: TestClock; onRoute?: (route: RouteOptions) => void } = {}): Promise<TestApp> {
  const database = await createTestDatabase({ migrated: true });
  const config = loadConfig({
    TRIBUNE_DATA_DIR: database.dataDir,
    TRIBUNE_DATABASE_URL: database.url,
    TRIBUNE_SECRET: 'test-secret-test-secret-test-secret',
    TRIBUNE_LOG_LEVEL: 'silent',
    // Each app's worker threads would load TypeScript and the model again: tests score in-process
    // (src/moderation/assess-pool.test.ts proves the pool; a test may ask for workers in `env`).
    TRIBUNE_ASSESS_WORKERS: '0',
    TRIBUNE_BASE_URL: 'http://localhost:3000',
    ...(process.env.TRIBUNE_TEST_REDIS_URL ? { TRIBUNE_REDIS_URL: process.env.TRIBUNE_TEST_REDIS_URL } : {}),
    ...options.env,
  });
  const clock = options.clock ?? createClock();
  const runtime = await createRuntime(config, {
    schema: database.schema,
    now: clock.now,
    log: pino({ level: 'silent' }),
    redisNamespace: database.schema ?? '',
  });
  const app = await buildApp(runtime, { onRoute: options.onRoute });
  await app.ready();

  function identity(userId: string, sessionToken: string | undefined): TestIdentity {
    const secret = csrfTokens.secretSync();
    const cookies = [`tribune_csrf=${encodeURIComponent(app.signCookie(secret))}`];
    if (sessionToken) cookies.push(`tribune_session=${sessionToken}`);
    return { userId, cookie: cookies.join('; '), csrf: csrfTokens.create(secret) };
  }

  return {
    app,
    runtime,
    config,
    clock,
    request({ as, ...inject }) {
      const headers = { ...(inject.headers ?? {}) } as Record<string, string>;
      if (as) {
        headers.cookie = [as.cookie, headers.cookie].filter(Boolean).join('; ');
        if (!headers['x-csrf-token'] && inject.method && inject.method !== 'GET') headers['x-csrf-token'] = as.csrf;
      }
      return app.inject({ ...inject, headers });
    },
    async signIn(role, email) {
      staffCounter += 1;
      const userId = await createStaffUser(runtime, {
        email: email ?? `${role}${staffCounter}@staff.test`,
        role,
        displayName: `${role[0].toUpperCase()}${role.slice(1)} ${staffCounter}`,
        password: 'correct horse battery staple',
      });
      return identity(userId, await startSession(runtime, userId));
    },
    async identityFor(userId) {
      return identity(userId, await startSession(runtime, userId));
    },
    anonymous() {
      return identity('', undefined);
    },
    async close() {
      await app.close();
      await runtime.close();
      await database.drop();
    },
  };
}
