import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeStripe, TEST_WEBHOOK_SECRET, type FakeStripe } from './donations/testing/fake-stripe.js';
import { fuzzCases, type BaseRequest, type FuzzCase, type RouteUnderTest } from './testing/route-fuzz.js';
import { startTestApp, type TestApp, type TestIdentity } from './testing/test-app.js';

/**
 * Every route the app registers, found as it registers them, gets hostile values in each of its
 * inputs as an anonymous visitor, a reader and an admin. No answer may be a 5xx, and every JSON
 * error is `{error, message}` — never Fastify's own format.
 */

interface Ids {
  adminEmail: string;
  adminId: string;
  moderatorId: string;
  readerId: string;
  articleId: string;
  articleSlug: string;
  topicId: string;
  topicSlug: string;
  commentId: string;
  driveId: string;
}

const PASSWORD = 'correct horse battery staple';

/** A valid request for each route (params by name and path; bodies where one is required). */
function baseRequest(route: RouteUnderTest, ids: Ids): BaseRequest {
  const { url } = route;
  const key = `${route.method} ${url}`;
  const params: Record<string, string> = {};
  for (const [, name] of url.matchAll(/:([A-Za-z]+)/g)) {
    params[name] = name === 'slug' ? (url.startsWith('/topics') ? ids.topicSlug : ids.articleSlug)
      : name === 'article' ? ids.articleSlug
        : name === 'action' ? (url.includes('/readers/') ? 'warn' : 'approve')
          : name === 'name' ? 'site.css'
            : name === 'id' ? idFor(url, ids) : 'x';
  }
  const bodies: Record<string, Record<string, unknown>> = {
    'POST /login': { email: ids.adminEmail, password: PASSWORD, next: '/admin' },
    'POST /auth/magic-link': { email: 'fuzz.reader@readers.test', returnTo: '/' },
    'POST /api/auth/magic-link': { email: 'fuzz.reader@readers.test', returnTo: '/' },
    'POST /account': { displayName: 'Fuzzy Reader' },
    'PATCH /api/account': { displayName: 'Fuzzy Reader', notifyReplies: true },
    'POST /admin/articles': { action: 'save', title: 'A fuzzed draft', body: 'Body.' },
    'POST /admin/articles/:id': { action: 'save', title: 'A fuzzed edit', body: 'Body.' },
    'POST /admin/topics': { name: 'A fuzzed topic' },
    'POST /admin/topics/:id': { name: 'Housing' },
    'POST /admin/users': { email: 'fuzz.staff@staff.test', displayName: 'Fuzz Staff', role: 'moderator', password: 'a-long-enough-password' },
    'POST /admin/users/:id/role': { role: 'moderator' },
    'POST /api/admin/articles': { title: 'From the fuzzer', body: 'Body.' },
    'PATCH /api/admin/articles/:id': { title: 'Patched by the fuzzer' },
    'POST /api/admin/articles/:id/schedule': { publishedAt: '2999-01-01T00:00:00Z' },
    'POST /api/admin/preview': { body: '**Preview**' },
    'POST /api/admin/topics': { name: 'An API topic' },
    'PATCH /api/admin/topics/:id': { name: 'Housing' },
    'POST /api/articles/:article/comments': { text: 'A perfectly ordinary comment.', name: 'Valerie Guest' },
    'PATCH /api/comments/:id': { text: 'An ordinary edit of the comment.' },
    'POST /api/comments/:id/flags': { reason: 'spam', note: 'Looks like an ad.' },
    'POST /comments': { article: ids.articleSlug, text: 'Posted through the form route.', name: 'Fiona Form' },
    'POST /comments/:id/edit': { text: 'Edited through the form route.' },
    'POST /comments/:id/flag': { reason: 'abusive' },
    'POST /admin/moderation/comments/:id/:action': { note: 'Fine.', returnTo: '/admin/moderation' },
    'POST /admin/moderation/readers/:id/:action': { reason: 'Be kind.', returnTo: '/admin/moderation' },
    'POST /api/admin/moderation/comments/:id/:action': { note: 'Fine.' },
    'POST /api/admin/moderation/readers/:id/:action': { reason: 'Be kind.' },
    'POST /admin/moderation/bulk': { action: 'approve', ids: [ids.commentId] },
    'POST /api/admin/moderation/bulk': { action: 'approve', ids: [ids.commentId] },
    'POST /account/delete': { confirm: 'no' },
    'POST /admin/donations/drives': { title: 'A fuzzed drive', goalMinor: 100_000, currency: 'USD', period: 'monthly' },
    'POST /admin/donations/drives/:id': { title: 'Keep local news free', goalMinor: 470_000, currency: 'USD', period: 'monthly' },
    'POST /admin/donations/ledger': { driveId: ids.driveId, amount: '12.50', kind: 'payment', note: 'Bank transfer', publicName: 'Bank donor' },
    'POST /admin/donations/settings': { currency: 'USD', presetAmounts: '5 10 25 50', minimumAmount: '1', maximumAmount: '10000' },
    'POST /donate': { amount: '25', frequency: 'once' },
    'POST /donate/demo': { amount: '25', frequency: 'once' },
  };
  const query: Record<string, string> = url === '/notifications/unsubscribe' ? { token: 'forged' } : url === '/donate/thanks' ? { intent: 'x' } : {};
  return { params, query, body: bodies[key] ?? (route.method === 'GET' ? null : {}) };
}

function idFor(url: string, ids: Ids): string {
  if (url.startsWith('/authors')) return ids.adminId;
  if (/^\/(api\/)?admin\/articles/.test(url)) return ids.articleId;
  if (/^\/(api\/)?admin\/topics/.test(url)) return ids.topicId;
  if (url.startsWith('/admin/users')) return ids.moderatorId;
  if (url.startsWith('/admin/settings')) return 'comments';
  if (url.includes('/moderation/readers')) return ids.readerId;
  if (url.includes('/donations/drives')) return ids.driveId;
  if (url.includes('comments')) return ids.commentId;
  return 'x';
}

/** State-changing routes that end what later cases need (sessions, the article, the topic) go last. */
function rank(route: RouteUnderTest): number {
  if (/\/(delete|remove)$|^\/logout$/.test(route.url) || route.method === 'DELETE') return 3;
  if (route.url.startsWith('/admin/settings/')) return 2;
  return route.method === 'GET' ? 0 : 1;
}

describe('every route under hostile input', () => {
  let t: TestApp;
  // Only Stripe's servers are faked: checkout and webhooks then run their real code.
  let stripe: FakeStripe;
  let ids: Ids;
  const routes: RouteUnderTest[] = [];

  beforeAll(async () => {
    stripe = await startFakeStripe();
    t = await startTestApp({
      env: { TRIBUNE_STRIPE_SECRET_KEY: 'sk_test_tribune', TRIBUNE_STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, TRIBUNE_STRIPE_API_BASE: stripe.url },
      onRoute: (route: RouteOptions) => {
        for (const method of [route.method].flat()) {
          if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, url: route.url, schema: route.schema as RouteUnderTest['schema'] });
        }
      },
    });
    const admin = await t.signIn('admin', 'fuzz.admin@staff.test');
    const moderator = await t.signIn('moderator');
    const as = admin;
    const topic = (await t.request({ method: 'POST', url: '/api/admin/topics', as, payload: { name: 'Housing' } })).json();
    const article = (await t.request({
      method: 'POST', url: '/api/admin/articles', as,
      payload: { title: 'Rents rise again', slug: 'rents-rise', topics: [topic.slug], body: 'Body.', status: 'published' },
    })).json();
    const comment = (await t.request({
      method: 'POST', url: `/api/articles/${article.slug}/comments`, as: t.anonymous(),
      payload: { text: 'Thanks for the careful reporting on rents.', name: 'Gail Guest' },
    })).json();
    const drive = (await t.request({
      method: 'POST', url: '/admin/donations/drives', as,
      payload: { title: 'Keep local news free', goalMinor: 470_000, currency: 'USD', period: 'monthly' },
    })).json();
    const time = t.clock.now().toISOString();
    await t.runtime.db.insertInto('users').values({ id: 'fuzzreader0000000001', email: 'reader@readers.test', display_name: 'Rita Reader', role: 'reader', created_at: time, updated_at: time }).execute();
    ids = {
      adminEmail: 'fuzz.admin@staff.test', adminId: admin.userId, moderatorId: moderator.userId, readerId: 'fuzzreader0000000001',
      articleId: article.id, articleSlug: article.slug, topicId: topic.id, topicSlug: topic.slug, commentId: comment.comment.id, driveId: drive.id,
    };
    expect(Object.values(ids).every(Boolean)).toBe(true);
  });
  afterAll(async () => {
    await t?.close();
    await stripe?.close();
  });

  it('finds every route, each path parameter under a schema', () => {
    expect(routes.length).toBeGreaterThan(100);
    const unchecked = routes.filter((route) => route.url.includes(':') && !route.schema?.params).map((route) => `${route.method} ${route.url}`);
    expect(unchecked).toEqual([]);
  });

  it('answers every hostile request below 500, with {error, message} for JSON errors', async () => {
    const failures: string[] = [];
    let sent = 0;
    const started = Date.now();
    const ordered = [...routes].sort((a, b) => rank(a) - rank(b));
    for (const route of ordered) {
      // Fresh sessions per route: a route that signs out or deletes an account must not blind the next.
      const identities = await Promise.all([t.anonymous(), t.identityFor(ids.readerId), t.identityFor(ids.adminId)]);
      const privileged = /^\/(api\/)?admin/.test(route.url) ? identities[2] : /^\/(api\/)?account/.test(route.url) ? identities[1] : undefined;
      const cases = fuzzCases(route, baseRequest(route, ids));
      for (const [index, fuzz] of cases.entries()) {
        const as = privileged && index % 4 !== 0 ? privileged : identities[index % 3];
        sent += 1;
        const problem = await check(route, fuzz, as, sent);
        if (problem) failures.push(`${route.method} ${route.url} — ${fuzz.label}: ${problem}`);
      }
    }
    const polluted = ({} as Record<string, unknown>).polluted ?? ({} as Record<string, unknown>).isAdmin;
    console.info(`route fuzz: ${routes.length} routes, ${sent} requests in ${Date.now() - started} ms, ${failures.length} failures`);
    if (failures.length) console.info(failures.map((line) => line.slice(0, 300)).join('\n'));
    expect(polluted).toBeUndefined();
    expect(failures).toEqual([]);
  });

  async function check(route: RouteUnderTest, fuzz: FuzzCase, as: TestIdentity, n: number): Promise<string | undefined> {
    const headers: Record<string, string> = fuzz.contentType ? { 'content-type': fuzz.contentType } : {};
    if (fuzz.method === 'GET' && n % 2 === 0) headers.accept = 'text/html';
    // One client address per request: rate limits are tested elsewhere and would hide the rest here.
    const remoteAddress = `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    const answer = route.url.endsWith('/live')
      ? await overHttp(fuzz, as, headers)
      : await t.request({ method: fuzz.method as 'GET', url: fuzz.url, payload: fuzz.payload, headers, as, remoteAddress })
        .then((response) => ({ status: response.statusCode, type: String(response.headers['content-type'] ?? ''), body: response.body }));
    if (answer.status >= 500) return `${answer.status} ${answer.body.slice(0, 160)}`;
    if (answer.status < 400) return undefined;
    const json = answer.type.includes('application/json');
    const wantsJson = route.url.startsWith('/api/') || (fuzz.contentType === 'application/json' && !headers.accept);
    if (!json) return wantsJson ? `${answer.status} answered ${answer.type || 'no content type'}, not JSON` : undefined;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(answer.body) as Record<string, unknown>;
    } catch {
      return `${answer.status} with a body that is not JSON`;
    }
    if (typeof parsed.error !== 'string' || typeof parsed.message !== 'string' || 'statusCode' in parsed) return `${answer.status} ${answer.body.slice(0, 160)}`;
    return undefined;
  }

  /** Live streams never end on their own: real HTTP, read the status and headers, then hang up. */
  let base: string | undefined;
  async function overHttp(fuzz: FuzzCase, as: TestIdentity, headers: Record<string, string>) {
    if (!base) {
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    }
    return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const outgoing = httpRequest(`${base}${fuzz.url}`, { method: fuzz.method, headers: { ...headers, cookie: as.cookie, 'x-csrf-token': as.csrf } }, (response) => {
        const type = String(response.headers['content-type'] ?? '');
        if (type.startsWith('text/event-stream')) {
          response.destroy();
          resolve({ status: response.statusCode ?? 0, type, body: '' });
          return;
        }
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve({ status: response.statusCode ?? 0, type, body }));
      });
      outgoing.on('error', reject);
      outgoing.end(fuzz.payload);
    });
  }
});
