import { describe, expect, it, afterEach, beforeEach } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { networkOf } from './guest.js';
import { createReader, createTestArticle, postId, relax } from './test-fixtures.js';

describe('guest likes cannot be stuffed by dropping the cookie', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await relax(t);
  });
  afterEach(() => t.close());

  /** Likes as a browser that sends no guest cookie, so each request is handed a fresh identity. */
  const freshGuestLike = (id: string, remoteAddress: string) => t.request({ method: 'POST', url: `/api/comments/${id}/reactions`, as: t.anonymous(), remoteAddress });
  const like = (id: string, as: TestIdentity, remoteAddress: string) => t.request({ method: 'POST', url: `/api/comments/${id}/reactions`, as, remoteAddress });
  const count = async (id: string) => Number((await t.runtime.db.selectFrom('comments').select('reaction_count').where('id', '=', id).executeTakeFirstOrThrow()).reaction_count);

  it('counts a few guest likes per network on a comment, however many fresh cookies ask, and answers the rest with a clear 403', async () => {
    const article = await createTestArticle(t);
    const id = await postId(t, await createReader(t), article.slug, 'Like me, bots');
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push(await freshGuestLike(id, '203.0.113.7'));
    expect(answers.slice(0, 3).map((r) => [r.statusCode, r.json().reacted])).toEqual([[200, true], [200, true], [200, true]]);
    expect(new Set(answers.slice(3).map((r) => r.statusCode))).toEqual(new Set([403]));
    expect(answers[3].json()).toMatchObject({ error: 'GUEST_REACTIONS_FULL', message: expect.stringContaining('Sign in') });
    expect(await count(id)).toBe(3);
    // Each fresh cookie really was a new identity: the three that counted were three cookies.
    expect(new Set(answers.slice(0, 3).map((r) => r.cookies.find((c) => c.name === 'tribune_guest')?.value)).size).toBe(3);

    // The no-JavaScript form takes the same road.
    const visitor = t.anonymous();
    const form = await t.app.inject({
      method: 'POST', url: `/comments/${id}/react`, remoteAddress: '203.0.113.7',
      headers: { cookie: visitor.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({ _csrf: visitor.csrf }).toString(),
    });
    expect(form.statusCode).toBe(403);
    expect(await count(id)).toBe(3);
  });

  it('holds the limit when the likes arrive all at once', async () => {
    const article = await createTestArticle(t);
    const id = await postId(t, await createReader(t), article.slug, 'Burst');
    const answers = await Promise.all(Array.from({ length: 20 }, () => freshGuestLike(id, '203.0.113.9')));
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(3);
    expect(answers.filter((r) => r.statusCode === 403)).toHaveLength(17);
    expect(await count(id)).toBe(3);
  });

  it('treats an IPv6 /64 as one network and IPv4-mapped addresses as IPv4', async () => {
    expect(networkOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(networkOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(networkOf('::ffff:198.51.100.4')).toBe('198.51.100.4');
    expect(networkOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    const article = await createTestArticle(t);
    const id = await postId(t, await createReader(t), article.slug, 'Rotate away');
    for (let i = 1; i <= 10; i++) await freshGuestLike(id, `2001:db8:1:2::${i.toString(16)}`);
    expect(await count(id)).toBe(3);
    expect((await freshGuestLike(id, '2001:db8:1:3::1')).statusCode).toBe(200);
    expect(await count(id)).toBe(4);
  });

  it('keeps the limit per comment and per network: readers, other networks and other comments still count, and an unlike frees a place', async () => {
    const article = await createTestArticle(t);
    const author = await createReader(t);
    const id = await postId(t, author, article.slug, 'Office favourite');
    const other = await postId(t, author, article.slug, 'Also good');
    const office = '198.51.100.20';
    const guests: TestIdentity[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await freshGuestLike(id, office);
      const cookie = response.cookies.find((c) => c.name === 'tribune_guest')!;
      const visitor = t.anonymous();
      guests.push({ ...visitor, cookie: `${visitor.cookie}; tribune_guest=${cookie.value}` });
    }
    expect((await freshGuestLike(id, office)).statusCode).toBe(403);

    // Signed-in readers in the same office are people with accounts: never limited by the address.
    for (let i = 0; i < 4; i++) expect((await like(id, await createReader(t), office)).json()).toMatchObject({ reacted: true });
    expect((await freshGuestLike(id, '192.0.2.99')).statusCode).toBe(200);
    expect(await count(id)).toBe(3 + 4 + 1);
    // Another comment has its own places, and the guests' own toggles still work both ways.
    expect((await like(other, guests[0], office)).json()).toEqual({ reacted: true, reactions: 1 });
    expect((await like(id, guests[1], office)).json()).toEqual({ reacted: false, reactions: 7 });
    expect((await freshGuestLike(id, office)).json()).toEqual({ reacted: true, reactions: 8 });
    expect((await freshGuestLike(id, office)).statusCode).toBe(403);

    // What is stored says nothing about the address and differs per comment for the same network.
    const slots = (await t.runtime.db.selectFrom('comment_reactions').select(['comment_id', 'address_slot']).where('address_slot', 'is not', null).execute())
      .map((row) => ({ comment: row.comment_id, slot: row.address_slot! }));
    expect(slots.every(({ slot }) => !slot.includes('198.51') && /^[\w-]{22}\.\d+$/.test(slot))).toBe(true);
    const hashOn = (comment: string) => new Set(slots.filter((s) => s.comment === comment).map((s) => s.slot.split('.')[0]));
    expect([...hashOn(other)].some((hash) => hashOn(id).has(hash))).toBe(false);
  });

  it('lets a site lift the limit with 0', async () => {
    await t.runtime.settings.update('comments', { guestReactionsPerAddress: 0 });
    const article = await createTestArticle(t);
    const id = await postId(t, await createReader(t), article.slug, 'No limits here');
    for (let i = 0; i < 5; i++) expect((await freshGuestLike(id, '203.0.113.8')).statusCode).toBe(200);
    expect(await count(id)).toBe(5);
  });
});
