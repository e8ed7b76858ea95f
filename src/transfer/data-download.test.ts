import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountData } from '../accounts/index.js';
import { newId } from '../db/ids.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

// The download has a response schema for its type, but is written by its own serializer: indented for
// the person who reads it, and whole, since a schema's serializer drops what it does not name.
describe('GET /account/data.json', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  it('is indented JSON carrying every field of the account', async () => {
    const id = newId(t.clock.now());
    const time = t.clock.now().toISOString();
    await t.runtime.db.insertInto('users').values({ id, email: 'ana@example.net', display_name: 'Ana', role: 'reader', created_at: time, updated_at: time }).execute();
    const response = await t.request({ url: '/account/data.json', as: await t.identityFor(id) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.body.startsWith('{\n  "format": "tribune-reader-data",\n  "version": 1,')).toBe(true);
    const data = response.json();
    expect(data.account).toEqual(await accountData(t.runtime.db, id));
    expect(data.account.sessions.length).toBeGreaterThan(0);
    expect(data).toMatchObject({ comments: [], reactions: [], flags: [], newsletters: null });
  });
});
