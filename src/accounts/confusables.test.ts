import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestArticle, guestBrowser, relax } from '../comments/test-fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { nameSkeleton, tr39Skeleton } from './confusables.js';
import { validateDisplayName } from './readers.js';

describe('TR39 skeleton', () => {
  it.each([
    ['Εddie Εditor', 'Eddie Editor', 'Greek capital epsilon'],
    ['Editоr', 'Editor', 'Cyrillic o'],
    ['Мауа', 'Maya', 'Cyrillic M, a, y'],
    ['Ρаul', 'Paul', 'Greek Rho and Cyrillic a mixed with Latin'],
    ['ΑΒΕΗΙΚΜΝΟΡΤΧΥΖ', 'ABEHIKMNOPTXYZ', 'every Greek capital that has a Latin twin'],
  ])('%s looks like %s (%s)', (lookalike, original) => {
    expect(lookalike).not.toBe(original);
    expect(tr39Skeleton(lookalike)).toBe(tr39Skeleton(original));
  });

  it('keeps names in other scripts apart from Latin ones', () => {
    expect(tr39Skeleton('Σωκράτης')).not.toBe(tr39Skeleton('Sokrates'));
    expect(tr39Skeleton('Мария')).not.toBe(tr39Skeleton('Maria'));
  });
});

describe('name skeletons', () => {
  it.each([
    ['Ed1t0r', 'Editor'],
    ['3ddie', 'Eddie'],
    ['Ｍａｙａ Ｌｏｐｅｚ', 'Maya Lopez'],
    ['ＥＤＩＴＯＲ', 'editor'],
    ['Εddie Εditor', 'eddie editor'],
    ['Editоr', 'EDITOR'],
    ['Ｅｄｄｉｅ Ｅｄｉｔоｒ', 'Eddie Editor'],
    ['Trіbune', 'Tribune'],
    ['José', 'Jose'],
  ])('%s reads as %s', (lookalike, original) => {
    expect(nameSkeleton(lookalike)).toBe(nameSkeleton(original));
  });

  it('keeps different names different', () => {
    expect(nameSkeleton('Maria')).not.toBe(nameSkeleton('Mario'));
    expect(nameSkeleton('Мария')).not.toBe(nameSkeleton('Maria'));
  });
});

describe('display names against staff look-alikes (real SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const time = t.clock.now().toISOString();
    await t.runtime.db.insertInto('users').values([
      { id: 'staff0000000000000001', email: 'eddie@staff.test', display_name: 'Eddie Redford', role: 'editor', created_at: time, updated_at: time },
      { id: 'staff0000000000000002', email: 'nina@staff.test', display_name: 'Нина Петрова', role: 'moderator', created_at: time, updated_at: time },
    ]).execute();
  });
  afterAll(() => t.close());

  const check = (name: string) => validateDisplayName(t.runtime.db, name, { siteName: 'Tribune' });

  it.each([
    ['Εddie Redford', 'Greek Ε'],
    ['Eddie Rеdfоrd', 'Cyrillic е and о'],
    ['Εddiе Rеdfοrd', 'Greek and Cyrillic mixed'],
    ['Edd1e Redf0rd', 'digits'],
    ['Ｅｄｄｉｅ Ｒｅｄｆｏｒｄ', 'fullwidth'],
    ['Нина Пeтрова', 'a Cyrillic staff name with one Latin e'],
    ['Εddie Εditor', 'reserved word with a Greek Ε'],
    ['Editоr', 'reserved word with a Cyrillic о'],
    ['Site Аdmin', 'reserved word with a Cyrillic А'],
    ['Τribunе', 'the site name in Greek and Cyrillic letters'],
  ])('refuses %s (%s)', async (name) => {
    await expect(check(name)).rejects.toMatchObject({ code: 'DISPLAY_NAME_RESERVED' });
  });

  it.each(['Σωκράτης', 'Мария', 'Eddie Murphy', 'Nina Petrova', 'Редфорд', 'Zoë Müller', '李小龙', 'محمد'])('allows %s', async (name) => {
    await expect(check(name)).resolves.toBe(name);
  });

  it('refuses an innocent non-Latin name once it belongs to staff', async () => {
    const time = t.clock.now().toISOString();
    await t.runtime.db.insertInto('users').values({ id: 'staff0000000000000003', email: 'soc@staff.test', display_name: 'Σωκράτης', role: 'editor', created_at: time, updated_at: time }).execute();
    await expect(check('Σωκρατης')).rejects.toMatchObject({ code: 'DISPLAY_NAME_RESERVED' });
    await expect(check('Мария')).resolves.toBe('Мария');
  });

  it('checks a guest commenter\'s name the same way', async () => {
    await relax(t);
    const article = await createTestArticle(t);
    const post = (name: string) => t.request({ method: 'POST', url: `/api/articles/${article.slug}/comments`, as: guestBrowser(t), payload: { text: 'A perfectly ordinary comment.', name } });
    const spoof = await post('Εddie Rеdford');
    expect(spoof.statusCode).toBe(400);
    expect(spoof.json().error).toBe('DISPLAY_NAME_RESERVED');
    expect((await post('Мария')).statusCode).toBe(201);
  });
});
