import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, screenshotOnFailure, signInInBrowser, siteInChromium, startOtherOrigin, type OtherOrigin, type Site } from './harness.js';
import { DEMO_ADMIN, SiteClient, saveCommentSettings } from '../../src/testing/site-client.js';

/** A page that posts a form to the site as soon as it loads: the classic cross-site request forgery. */
function autoSubmit(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields).map(([name, value]) => `<input type="hidden" name="${name}" value="${value.replace(/"/g, '&quot;')}">`).join('');
  return `<!doctype html><html><body><h1>You won a prize!</h1>
<form id="f" method="post" action="${action}">${inputs}</form>
<script>document.getElementById('f').submit();</script></body></html>`;
}

/** A page whose script calls the site with the visitor's cookies and reports what came back in its title. */
function credentialedFetch(url: string, contentType: string, body: unknown): string {
  return `<!doctype html><html><head><title>pending</title></head><body><script>
fetch(${JSON.stringify(url)}, { method: 'POST', credentials: 'include', headers: { 'content-type': ${JSON.stringify(contentType)} }, body: ${JSON.stringify(JSON.stringify(body))} })
  .then((r) => { document.title = 'status ' + r.status; }, (e) => { document.title = 'blocked ' + e.name; });
</script></body></html>`;
}

describe('requests forged by other origins while a staff member is signed in', () => {
  let site: Site;
  let browser: Browser;
  let attacker: OtherOrigin;
  let partner: OtherOrigin;
  let admin: SiteClient;
  siteInChromium((started) => ({ site, browser } = started));
  beforeAll(async () => {
    const target = (path: string) => `${site.url}${path}`;
    attacker = await startOtherOrigin({
      '/create-admin': autoSubmit(target('/admin/users'), { email: 'mallory@evil.test', displayName: 'Mallory', role: 'admin', password: 'mallory-owns-the-site' }),
      '/embed-me': autoSubmit(target('/admin/settings/comments'), {
        guestsAllowed: '1', maxLength: '5000', editWindowMinutes: '15', autoCloseDays: '14', postsPerMinutePerIp: '1000', postsPerMinutePerReader: '1000',
        embedOrigins: 'http://evil.example',
      }),
      '/fetch-article': credentialedFetch(target('/api/admin/articles'), 'text/plain', { title: 'Forged by fetch', body: 'x', status: 'published' }),
    });
    admin = new SiteClient(site.url);
    await admin.signIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
  });
  afterAll(async () => {
    admin?.close();
    await attacker?.close();
    await partner?.close();
  });

  it('refuses form posts from another origin that carry the session cookie but no token', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('csrf-forms', () => [page]);
    await signInInBrowser(page, site.url, DEMO_ADMIN.email, DEMO_ADMIN.password);

    for (const [path, action] of [['/create-admin', '/admin/users'], ['/embed-me', '/admin/settings/comments']]) {
      const answered = page.waitForResponse((response) => response.url() === `${site.url}${action}` && response.request().method() === 'POST');
      await page.goto(`${attacker.url}${path}`);
      const response = await answered;
      // The browser did send the session (same site, other port): its Sec-Fetch-Site (same-site, not
      // same-origin) stops it, and without that header the missing token would.
      expect(response.request().headers().cookie ?? (await response.request().allHeaders()).cookie).toContain('tribune_session=');
      expect(response.status()).toBe(403);
    }
    const users = await admin.get('/admin/users', { headers: { accept: 'text/html' } });
    expect(users.status).toBe(200);
    expect(users.text).not.toContain('mallory@evil.test');
    const settings = await admin.get('/admin/settings', { headers: { accept: 'text/html' } });
    expect(settings.text).not.toContain('evil.example');

    await page.goto(`${attacker.url}/fetch-article`);
    await page.waitForFunction(() => document.title !== 'pending');
    const list = (await admin.get('/api/admin/articles?q=Forged')).json<{ total: number }>();
    expect(list.total).toBe(0);
    expect(page.dialogs).toEqual([]);
    await context.close();
  });

  it('lets an embedding partner origin reach the comment API only, never the newsroom API', async () => {
    partner = await startOtherOrigin({
      '/takeover': credentialedFetch(`${site.url}/api/admin/articles`, 'application/json', { title: 'Partner takeover', body: 'Written by a partner page', status: 'published' }),
    });
    await saveCommentSettings(admin, { embedOrigins: [partner.url], postsPerMinutePerIp: 100 });
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('csrf-partner', () => [page]);
    await signInInBrowser(page, site.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await page.goto(`${partner.url}/takeover`);
    await page.waitForFunction(() => document.title !== 'pending');
    const outcome = await page.title();
    const list = (await admin.get('/api/admin/articles?q=takeover')).json<{ total: number }>();
    // The browser refuses the cross-origin call outright (no CORS for staff routes), or the server
    // answers 403 for want of a CSRF token; either way nothing is created and nothing is read.
    expect(outcome).toMatch(/^(blocked TypeError|status 403)$/);
    expect(list.total).toBe(0);
    await context.close();
  });
});
