import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReader } from '../../src/comments/test-fixtures.js';
import { startTestApp, type TestApp, type TestIdentity } from '../../src/testing/test-app.js';
import { registeredRoutes } from './routes.js';

type Who = 'anonymous' | 'reader' | 'moderator' | 'editor' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'reader', 'moderator', 'editor', 'admin'];

/** Who may use a staff route. Admin may always act; readers are never staff. */
const MAY = {
  newsroom: ['editor', 'admin'],
  staff: ['moderator', 'editor', 'admin'],
  admin: ['admin'],
  moderation: ['moderator', 'admin'],
} satisfies Record<string, Who[]>;

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  route: string;
  may: Who[];
  /** A harmless request that passes the route's schema, so the guard (not validation) decides. */
  url?: string;
  form?: Record<string, string>;
  json?: unknown;
  /** An event stream: never ends, so the allowed roles are tried over a real socket. */
  stream?: true;
}

const MISSING = 'doesnotexist0000';

/** Every staff route and who may use it. A new staff route fails this test until it has a row here. */
const TABLE: Row[] = [
  { method: 'GET', route: '/admin', may: MAY.staff },
  { method: 'GET', route: '/admin/articles', may: MAY.newsroom },
  { method: 'POST', route: '/admin/articles', may: MAY.newsroom, form: { action: 'save', title: '' } },
  { method: 'GET', route: '/admin/articles/new', may: MAY.newsroom },
  { method: 'GET', route: '/admin/articles/:id', may: MAY.newsroom },
  { method: 'POST', route: '/admin/articles/:id', may: MAY.newsroom, form: { action: 'save', title: 'x' } },
  { method: 'POST', route: '/admin/articles/:id/delete', may: MAY.newsroom, form: {} },
  { method: 'GET', route: '/admin/articles/:id/preview', may: MAY.newsroom },
  { method: 'GET', route: '/admin/topics', may: MAY.newsroom },
  { method: 'POST', route: '/admin/topics', may: MAY.newsroom, form: { name: '' } },
  { method: 'POST', route: '/admin/topics/:id', may: MAY.newsroom, form: { name: 'x' } },
  { method: 'POST', route: '/admin/topics/:id/delete', may: MAY.newsroom, form: {} },
  { method: 'GET', route: '/admin/imported-threads', may: MAY.newsroom },
  { method: 'POST', route: '/admin/imported-threads/:id/attach', may: MAY.newsroom, form: { target: 'x' } },
  { method: 'GET', route: '/admin/users', may: MAY.admin },
  { method: 'POST', route: '/admin/users', may: MAY.admin, form: { email: 'not-an-address', role: 'admin', displayName: 'X', password: 'x' } },
  { method: 'POST', route: '/admin/users/:id/role', may: MAY.admin, form: { role: 'admin' } },
  { method: 'POST', route: '/admin/users/:id/remove', may: MAY.admin, form: {} },
  { method: 'POST', route: '/admin/users/:id/sign-out', may: MAY.admin, form: {} },
  { method: 'POST', route: '/admin/users/:id/reset-two-factor', may: MAY.admin, form: {} },
  { method: 'POST', route: '/admin/users/invites', may: MAY.admin, form: { email: 'not-an-address', role: 'editor' } },
  { method: 'POST', route: '/admin/users/invites/:id/resend', may: MAY.admin, form: {} },
  { method: 'POST', route: '/admin/users/invites/:id/revoke', may: MAY.admin, form: {} },
  { method: 'GET', route: '/admin/account', may: MAY.staff },
  { method: 'POST', route: '/admin/account/password', may: MAY.staff, form: { currentPassword: 'not the password', password: 'short' } },
  { method: 'POST', route: '/admin/account/sessions/:handle/revoke', may: MAY.staff, url: `/admin/account/sessions/${MISSING}/revoke`, form: {} },
  { method: 'POST', route: '/admin/account/sessions/revoke-others', may: MAY.staff, form: {} },
  // Two-factor setup, in this order: confirming before any setup is a 409, not a wrong code.
  { method: 'GET', route: '/admin/account/two-factor', may: MAY.staff },
  { method: 'POST', route: '/admin/account/two-factor/totp/confirm', may: MAY.staff, form: { code: '000000' } },
  { method: 'POST', route: '/admin/account/two-factor/totp', may: MAY.staff, form: {} },
  { method: 'POST', route: '/admin/account/two-factor/totp/delete', may: MAY.staff, form: {} },
  { method: 'POST', route: '/admin/account/two-factor/recovery-codes', may: MAY.staff, form: {} },
  { method: 'POST', route: '/admin/account/two-factor/passkeys/options', may: MAY.staff, json: {} },
  {
    method: 'POST', route: '/admin/account/two-factor/passkeys', may: MAY.staff,
    json: { name: 'Probe', response: { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' } } },
  },
  { method: 'POST', route: '/admin/account/two-factor/passkeys/:id/delete', may: MAY.staff, form: {} },
  { method: 'GET', route: '/admin/settings', may: MAY.admin },
  { method: 'POST', route: '/admin/settings/:id', may: MAY.admin, url: '/admin/settings/no-such-box', form: {} },
  { method: 'POST', route: '/admin/settings/learning/reset', may: MAY.admin, form: {} },
  { method: 'GET', route: '/admin/donations', may: MAY.admin },
  { method: 'GET', route: '/admin/donations/drives', may: MAY.admin },
  { method: 'POST', route: '/admin/donations/drives', may: MAY.admin, form: { title: '' } },
  { method: 'GET', route: '/admin/donations/drives/:id', may: MAY.admin },
  { method: 'POST', route: '/admin/donations/drives/:id', may: MAY.admin, form: { title: 'x' } },
  { method: 'POST', route: '/admin/donations/drives/:id/current', may: MAY.admin, form: {} },
  { method: 'POST', route: '/admin/donations/drives/:id/delete', may: MAY.admin, form: {} },
  { method: 'POST', route: '/admin/donations/donations/:id/wall', may: MAY.admin, form: { hidden: '1' } },
  { method: 'GET', route: '/admin/donations/ledger', may: MAY.admin },
  { method: 'POST', route: '/admin/donations/ledger', may: MAY.admin, form: { amount: '' } },
  { method: 'GET', route: '/admin/donations/ledger.csv', may: MAY.admin },
  { method: 'GET', route: '/admin/donations/settings', may: MAY.admin },
  { method: 'GET', route: '/admin/members', may: MAY.admin },
  { method: 'GET', route: '/admin/members.csv', may: MAY.admin },
  { method: 'GET', route: '/admin/members/person', may: MAY.admin, url: '/admin/members/person?email=nobody%40readers.test' },
  { method: 'POST', route: '/admin/donations/settings', may: MAY.admin, form: { currency: '' } },
  { method: 'GET', route: '/admin/newsletters', may: MAY.newsroom },
  { method: 'POST', route: '/admin/newsletters', may: MAY.admin, form: { name: '' } },
  { method: 'POST', route: '/admin/newsletters/:id/archive', may: MAY.admin, form: {} },
  { method: 'GET', route: '/admin/newsletters/subscribers.csv', may: MAY.admin },
  { method: 'GET', route: '/admin/newsletters/compose', may: MAY.newsroom },
  { method: 'POST', route: '/admin/newsletters/sends', may: MAY.newsroom, form: { newsletterId: '' } },
  { method: 'GET', route: '/admin/newsletters/sends/:id', may: MAY.newsroom },
  { method: 'POST', route: '/admin/newsletters/sends/:id', may: MAY.newsroom, form: { newsletterId: '' } },
  { method: 'GET', route: '/admin/newsletters/sends/:id/preview', may: MAY.newsroom },
  { method: 'GET', route: '/admin/newsletters/sends/:id/preview.txt', may: MAY.newsroom },
  { method: 'POST', route: '/admin/newsletters/sends/:id/test', may: MAY.newsroom, form: {} },
  { method: 'POST', route: '/admin/newsletters/sends/:id/schedule', may: MAY.newsroom, form: { when: 'now' } },
  { method: 'POST', route: '/admin/newsletters/sends/:id/cancel', may: MAY.newsroom, form: {} },
  { method: 'GET', route: '/api/admin/newsletters/sends/:id', may: MAY.newsroom },
  { method: 'GET', route: '/admin/pages', may: MAY.newsroom },
  { method: 'GET', route: '/admin/pages/new', may: MAY.newsroom },
  { method: 'GET', route: '/admin/media', may: MAY.newsroom },
  { method: 'POST', route: '/admin/media', may: MAY.newsroom, form: {} },
  { method: 'POST', route: '/admin/media/:id', may: MAY.newsroom, form: { alt: 'x' } },
  { method: 'POST', route: '/admin/media/:id/delete', may: MAY.newsroom, form: {} },
  { method: 'POST', route: '/api/admin/media', may: MAY.newsroom, json: {} },
  { method: 'GET', route: '/api/admin/media', may: MAY.newsroom },
  { method: 'GET', route: '/api/admin/media/:id', may: MAY.newsroom },
  { method: 'PATCH', route: '/api/admin/media/:id', may: MAY.newsroom, json: { alt: 'x' } },
  { method: 'DELETE', route: '/api/admin/media/:id', may: MAY.newsroom },
  { method: 'GET', route: '/api/admin/articles', may: MAY.newsroom },
  { method: 'POST', route: '/api/admin/articles', may: MAY.newsroom, json: { title: '' } },
  { method: 'GET', route: '/api/admin/articles/:id', may: MAY.newsroom },
  { method: 'PATCH', route: '/api/admin/articles/:id', may: MAY.newsroom, json: { title: 'x' } },
  { method: 'DELETE', route: '/api/admin/articles/:id', may: MAY.newsroom },
  { method: 'POST', route: '/api/admin/articles/:id/publish', may: MAY.newsroom, json: {} },
  { method: 'POST', route: '/api/admin/articles/:id/schedule', may: MAY.newsroom, json: { publishedAt: '2099-01-01T00:00:00Z' } },
  { method: 'POST', route: '/api/admin/articles/:id/unpublish', may: MAY.newsroom, json: {} },
  { method: 'POST', route: '/api/admin/preview', may: MAY.newsroom, json: { body: 'Hello' } },
  { method: 'GET', route: '/api/admin/topics', may: MAY.newsroom },
  { method: 'POST', route: '/api/admin/topics', may: MAY.newsroom, json: { name: '' } },
  { method: 'PATCH', route: '/api/admin/topics/:id', may: MAY.newsroom, json: { name: 'x' } },
  { method: 'DELETE', route: '/api/admin/topics/:id', may: MAY.newsroom },
  { method: 'GET', route: '/admin/moderation', may: MAY.moderation },
  { method: 'GET', route: '/admin/moderation/comments/:id', may: MAY.staff },
  { method: 'POST', route: '/admin/moderation/comments/:id/:action', may: MAY.moderation, url: `/admin/moderation/comments/${MISSING}/approve`, form: {} },
  { method: 'GET', route: '/admin/moderation/readers/:id', may: MAY.moderation },
  { method: 'POST', route: '/admin/moderation/readers/:id/:action', may: MAY.moderation, url: `/admin/moderation/readers/${MISSING}/warn`, form: { reason: 'probe' } },
  { method: 'POST', route: '/admin/moderation/bulk', may: MAY.moderation, form: { action: 'approve' } },
  { method: 'GET', route: '/api/admin/moderation/queue', may: MAY.moderation },
  { method: 'GET', route: '/api/admin/moderation/counts', may: MAY.moderation },
  { method: 'GET', route: '/api/admin/moderation/comments/:id', may: MAY.moderation },
  { method: 'POST', route: '/api/admin/moderation/comments/:id/:action', may: MAY.moderation, url: `/api/admin/moderation/comments/${MISSING}/approve`, json: {} },
  { method: 'POST', route: '/api/admin/moderation/bulk', may: MAY.moderation, json: { action: 'approve', ids: [] } },
  { method: 'GET', route: '/api/admin/moderation/readers/:id', may: MAY.moderation },
  { method: 'POST', route: '/api/admin/moderation/readers/:id/:action', may: MAY.moderation, url: `/api/admin/moderation/readers/${MISSING}/warn`, json: { reason: 'probe' } },
  { method: 'GET', route: '/api/admin/moderation/live', may: MAY.moderation, stream: true },
  { method: 'GET', route: '/admin/moderation/log', may: MAY.moderation },
  { method: 'GET', route: '/admin/moderation/log.csv', may: MAY.moderation },
  { method: 'GET', route: '/api/admin/moderation/log', may: MAY.moderation },
  { method: 'POST', route: '/admin/moderation/comments/:id/feature', may: MAY.staff, url: `/admin/moderation/comments/${MISSING}/feature`, form: {} },
  { method: 'POST', route: '/api/admin/moderation/comments/:id/feature', may: MAY.staff, url: `/api/admin/moderation/comments/${MISSING}/feature`, json: {} },
  { method: 'POST', route: '/admin/moderation/comments/:id/unfeature', may: MAY.staff, url: `/admin/moderation/comments/${MISSING}/unfeature`, form: {} },
  { method: 'POST', route: '/api/admin/moderation/comments/:id/unfeature', may: MAY.staff, url: `/api/admin/moderation/comments/${MISSING}/unfeature`, json: {} },
  { method: 'POST', route: '/admin/moderation/comments/:id/close-comments', may: MAY.staff, url: `/admin/moderation/comments/${MISSING}/close-comments`, form: {} },
  { method: 'POST', route: '/api/admin/moderation/comments/:id/close-comments', may: MAY.staff, url: `/api/admin/moderation/comments/${MISSING}/close-comments`, json: {} },
  { method: 'POST', route: '/admin/moderation/comments/:id/open-comments', may: MAY.staff, url: `/admin/moderation/comments/${MISSING}/open-comments`, form: {} },
  { method: 'POST', route: '/api/admin/moderation/comments/:id/open-comments', may: MAY.staff, url: `/api/admin/moderation/comments/${MISSING}/open-comments`, json: {} },
];

const isStaffRoute = (path: string) => path === '/admin' || path.startsWith('/admin/') || path.startsWith('/api/admin/');

describe('who may use each staff route', () => {
  let t: TestApp;
  const as = {} as Record<Who, TestIdentity>;
  beforeAll(async () => {
    t = await startTestApp();
    as.anonymous = t.anonymous();
    as.reader = await createReader(t, 'Rhea Reader');
    as.moderator = await t.signIn('moderator');
    as.editor = await t.signIn('editor');
    as.admin = await t.signIn('admin');
  });
  afterAll(() => t?.close());

  it('has a row for every staff route the app registers', () => {
    const listed = new Set(TABLE.map((row) => `${row.method} ${row.route}`));
    const staff = registeredRoutes(t.app).filter((route) => isStaffRoute(route.path)).map((route) => `${route.method} ${route.path}`);
    expect(staff.length).toBeGreaterThan(30);
    expect(staff.filter((route) => !listed.has(route))).toEqual([]);
    expect([...listed].filter((route) => !staff.includes(route))).toEqual([]);
  });

  it.each(TABLE)('$method $route', async (row) => {
    const url = row.url ?? row.route.replace(/:id\b/g, MISSING);
    const outcomes: string[] = [];
    for (const who of EVERYONE) {
      const page = row.method === 'GET' && !url.startsWith('/api/');
      if (row.stream && row.may.includes(who)) {
        outcomes.push(`${who}: ${(await streamStatus(t, url, as[who])) === 200 ? 'allowed' : 'refused'}`);
        continue;
      }
      const response = await t.request({
        method: row.method,
        url,
        as: as[who],
        headers: { accept: page ? 'text/html' : 'application/json' },
        ...(row.form ? { payload: new URLSearchParams(row.form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } } : {}),
        ...(row.json !== undefined ? { payload: row.json as Record<string, unknown> } : {}),
      });
      const status = response.statusCode;
      let verdict: string;
      if (status >= 500) verdict = `${status} server error`;
      else if (row.may.includes(who)) verdict = status === 401 || status === 403 ? `refused ${status}` : 'allowed';
      else if (who === 'anonymous' || who === 'reader') {
        verdict = page ? (status === 303 && String(response.headers.location).startsWith('/login?next=') ? 'sent to login' : `${status}`) : status === 401 ? 'refused 401' : `${status}`;
      } else verdict = status === 403 ? 'refused 403' : `${status}`;
      outcomes.push(`${who}: ${verdict}`);
    }
    const expected = EVERYONE.map((who) => {
      if (row.may.includes(who)) return `${who}: allowed`;
      if (who === 'anonymous' || who === 'reader') return `${who}: ${row.method === 'GET' && !url.startsWith('/api/') ? 'sent to login' : 'refused 401'}`;
      return `${who}: refused 403`;
    });
    expect(outcomes).toEqual(expected);
  });
});

/** Opens an event stream over a real socket and reports the status of its headers, then hangs up. */
async function streamStatus(t: TestApp, url: string, identity: TestIdentity): Promise<number> {
  const address = t.app.server.listening ? `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}` : await t.app.listen({ host: '127.0.0.1', port: 0 });
  return new Promise<number>((resolve, reject) => {
    const request = get(`${address}${url}`, { headers: { cookie: identity.cookie, accept: 'text/event-stream' } }, (response) => {
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    request.on('error', reject);
    request.setTimeout(5_000, () => request.destroy(new Error(`no answer from ${url}`)));
  });
}
