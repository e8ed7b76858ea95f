import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { readMailbox, type StoredMail } from '../../src/mail/index.js';
import { DEMO_ADMIN, SiteClient } from '../../src/testing/site-client.js';
import { openPage, screenshotOnFailure, signInInBrowser, siteInChromium, type Site } from './harness.js';

/** The newest mail to `to` whose text links to `path`, once the site's file transport has written it. */
async function linkMailedTo(site: Site, to: string, path: string, after: number): Promise<string> {
  const mail: StoredMail = await vi.waitFor(() => {
    const found = readMailbox(join(site.dataDir, 'mail')).slice(after).find((m) => m.to === to && m.text.includes(path));
    if (!found) throw new Error(`no mail to ${to} yet`);
    return found;
  }, { timeout: 20_000, interval: 100 });
  return new RegExp(`https?://[^\\s]+${path.replace(/\//g, '\\/')}[A-Za-z0-9_-]+`).exec(mail.text)![0];
}

const mailCount = (site: Site) => readMailbox(join(site.dataDir, 'mail')).length;

describe('staff accounts in Chromium', () => {
  let site: Site;
  let browser: Browser;
  siteInChromium((started) => ({ site, browser } = started));

  it('an admin invites an editor, who sets a password from the mailed link and lands signed in', async () => {
    const [adminContext, inviteeContext] = await Promise.all([browser.newContext(), browser.newContext()]);
    const [admin, invitee] = await Promise.all([openPage(adminContext), openPage(inviteeContext)]);
    screenshotOnFailure('staff-invite', () => [admin, invitee]);
    const email = `ines.${Date.now().toString(36)}@tribune.test`;
    const before = mailCount(site);

    await signInInBrowser(admin, site.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await admin.goto(`${site.url}/admin/users`);
    await admin.locator('#invite-email').fill(email);
    await admin.locator('#invite-name').fill('Ines Invited');
    await admin.locator('#invite-role').selectOption('editor');
    await admin.getByRole('button', { name: 'Invite', exact: true }).click();
    await admin.waitForURL(/\/admin\/users\?done=invited$/);
    expect(await admin.locator('#pending-invites').innerText()).toContain(email);

    const link = await linkMailedTo(site, email, '/invite/', before);
    await invitee.goto(link);
    expect(await invitee.locator('h1').innerText()).toBe('Join the staff');
    expect(await invitee.locator('#displayName').inputValue()).toBe('Ines Invited');
    await invitee.locator('#password').fill('ines-chooses-her-own');
    await invitee.locator('#passwordConfirm').fill('ines-chooses-her-own');
    await invitee.getByRole('button', { name: 'Set password and sign in' }).click();
    await invitee.waitForURL((url) => url.pathname === '/admin');
    expect(await invitee.locator('.admin-nav').innerText()).toContain('Articles');

    // Her account page knows this browser; the link is spent; the admin's list is empty again.
    await invitee.goto(`${site.url}/admin/account`);
    expect(await invitee.locator('#sessions').innerText()).toContain('(this browser)');
    await invitee.goto(link);
    expect(await invitee.locator('h1').innerText()).toBe('Invitation not valid');
    await admin.goto(`${site.url}/admin/users`);
    expect(await admin.locator('#pending-invites').count()).toBe(0);
    expect(await admin.locator('table.admin-table').first().innerText()).toContain('Ines Invited');

    for (const page of [admin, invitee]) expect([page.errors, page.dialogs]).toEqual([[], []]);
    await Promise.all([adminContext.close(), inviteeContext.close()]);
  });

  it('a staff member who forgot their password resets it by mail; their other session ends', async () => {
    const email = `rory.${Date.now().toString(36)}@tribune.test`;
    const adminClient = new SiteClient(site.url);
    await adminClient.signIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
    await adminClient.loadPage('/admin/users');
    const added = await adminClient.post('/admin/users', { form: { _csrf: adminClient.csrf, email, displayName: 'Rory Reset', role: 'moderator', password: 'rory-forgot-this-one' }, csrf: false });
    adminClient.close();
    expect(added.status, added.text.slice(0, 200)).toBe(303);

    const [laptopContext, phoneContext] = await Promise.all([browser.newContext(), browser.newContext()]);
    const [laptop, phone] = await Promise.all([openPage(laptopContext), openPage(phoneContext)]);
    screenshotOnFailure('staff-reset', () => [laptop, phone]);
    await signInInBrowser(laptop, site.url, email, 'rory-forgot-this-one');

    const before = mailCount(site);
    await phone.goto(`${site.url}/login`);
    await phone.getByRole('link', { name: 'Forgot password?' }).click();
    await phone.waitForURL(/\/login\/forgot$/);
    await phone.getByLabel('Email').fill(email);
    await phone.getByRole('button', { name: 'Email me a reset link' }).click();
    await phone.locator('.notice--ok').waitFor();
    expect(await phone.locator('.notice--ok').innerText()).toContain('If this address belongs to a staff account');

    const link = await linkMailedTo(site, email, '/login/reset/', before);
    await phone.goto(link);
    expect(await phone.locator('h1').innerText()).toBe('Choose a new password');
    await phone.locator('#password').fill('rory-remembers-now');
    await phone.locator('#passwordConfirm').fill('rory-remembers-now');
    await phone.getByRole('button', { name: 'Set the new password' }).click();
    await phone.waitForURL(/\/login\?reset=done$/);
    expect(await phone.locator('.notice--ok').innerText()).toContain('Sign in with the new password');
    await phone.getByLabel('Email').fill(email);
    await phone.getByLabel('Password').fill('rory-remembers-now');
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.waitForURL((url) => url.pathname === '/admin');

    // The laptop's session ended with the reset: the next admin page asks it to sign in.
    await laptop.goto(`${site.url}/admin/moderation`);
    await laptop.waitForURL(/\/login\?next=/);
    await phone.goto(link);
    expect(await phone.locator('h1').innerText()).toBe('Link not valid');

    for (const page of [laptop, phone]) expect([page.errors, page.dialogs]).toEqual([[], []]);
    await Promise.all([laptopContext.close(), phoneContext.close()]);
  });
});
