import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServerProcess, type ServerProcess } from '../../src/testing/server-process.js';
import { launchBrowser, openPage, screenshotOnFailure, type TestPage } from './harness.js';

const run = promisify(execFile);
const ADMIN = { email: 'admin@tribune.test', password: 'tribune-demo-admin' };
const EDITOR = { email: 'pat.passkey@tribune.test', password: 'pat-signs-in-with-a-key', name: 'Pat Passkey' };

function codeAt(secret: string, timestamp: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });
}
/** What the phone shows now. */
const currentCode = (secret: string) => codeAt(secret, Date.now());
/**
 * The phone's code one step ahead (a phone clock a little fast): inside the server's ±1 window, and
 * newer than a current code used just before, so a second sign-in need not wait for the clock.
 */
const nextCode = (secret: string) => codeAt(secret, Date.now() + 30_000);

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

async function passwordStep(page: Page, url: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((location) => location.pathname === '/login/two-factor');
}

/**
 * WebAuthn needs a host name, not an IP address (passkeys are bound to a domain), so this site is
 * served as http://localhost, which browsers treat as a secure context.
 */
describe('two-factor sign-in in Chromium', () => {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let dataDir: string;
  let url: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tribune-e2e-2fa-'));
    const port = await freePort();
    url = `http://localhost:${port}`;
    const [started, launched] = await Promise.allSettled([
      startServerProcess({ TRIBUNE_DATA_DIR: dataDir, TRIBUNE_PORT: String(port), TRIBUNE_BASE_URL: url }, ['--demo']),
      launchBrowser(),
    ]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'user', 'add', '--email', EDITOR.email, '--role', 'editor', '--name', EDITOR.name, '--password', EDITOR.password],
      { env: { ...process.env, TRIBUNE_DATA_DIR: dataDir, TRIBUNE_LOG_LEVEL: 'warn' }, timeout: 30_000 },
    );
    expect(stdout).toContain(`Added editor ${EDITOR.email}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('an admin sets up an authenticator app from the QR page, then signs in with a code and with a recovery code', async () => {
    const context = await browser!.newContext();
    const page = await openPage(context);
    screenshotOnFailure('two-factor-totp', () => [page]);

    await page.goto(`${url}/login?next=${encodeURIComponent('/admin/articles')}`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((location) => location.pathname === '/admin/articles');

    await page.goto(`${url}/admin/account`);
    await page.getByRole('link', { name: 'Two-factor sign-in' }).click();
    await page.waitForURL((location) => location.pathname === '/admin/account/two-factor');
    expect(await page.locator('[data-two-factor-state]').innerText()).toBe('off');
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.getByRole('img', { name: /QR code for .* in an authenticator app/ }).waitFor();
    const secret = (await page.locator('[data-totp-secret]').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    // A wrong code first: it stays off and says why.
    const stale = codeAt(secret, Date.now() - 10 * 60_000);
    await page.getByLabel('Code from the app').fill(stale === currentCode(secret) ? '000000' : stale);
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByText('That code is not right').waitFor();
    expect(await page.locator('[data-two-factor-state]').innerText()).toBe('off');
    await page.getByLabel('Code from the app').fill(currentCode(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    const codes = await page.locator('.two-factor-codes__list code').allInnerTexts();
    expect(codes).toHaveLength(10);
    expect(await page.locator('[data-two-factor-state]').innerText()).toBe('on');

    // Signing in again: the password alone is not enough; the app's code finishes it, and `next` survives.
    await signOut(page);
    await page.goto(`${url}/login?next=${encodeURIComponent('/admin/settings')}`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((location) => location.pathname === '/login/two-factor');
    expect(await context.cookies(url).then((cookies) => cookies.some((cookie) => cookie.name === 'tribune_session'))).toBe(false);
    const code = page.getByLabel('Code from your authenticator app');
    await expect(code.getAttribute('autocomplete')).resolves.toBe('one-time-code');
    await code.fill(nextCode(secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL((location) => location.pathname === '/admin/settings');

    // A recovery code, from the "use a recovery code" link, works once.
    await signOut(page);
    await passwordStep(page, url, ADMIN);
    await page.getByRole('link', { name: 'Use a recovery code' }).click();
    await page.getByLabel('Recovery code').fill(codes[3]);
    await page.getByRole('button', { name: 'Use recovery code' }).click();
    await page.waitForURL((location) => location.pathname === '/admin');
    await page.goto(`${url}/admin/account/two-factor`);
    await page.getByText('9 of 10 left').waitFor();
    expect(page.errors).toEqual([]);
    expect(page.dialogs).toEqual([]);
    await context.close();
  });

  it('an editor adds two passkeys in a virtual authenticator, removes one, and signs in with the other', async () => {
    const context = await browser!.newContext();
    const page = await openPage(context);
    screenshotOnFailure('two-factor-passkey', () => [page]);
    const authenticators = await virtualAuthenticators(context, page);
    const first = await authenticators.add();

    await page.goto(`${url}/login`);
    await page.getByLabel('Email').fill(EDITOR.email);
    await page.getByLabel('Password').fill(EDITOR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((location) => location.pathname === '/admin');
    await page.goto(`${url}/admin/account/two-factor`);

    await page.getByLabel('Name of the new passkey').fill('Work laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    // The first factor brings recovery codes, shown once by the page's script.
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    expect(await page.locator('.two-factor-codes__list code').count()).toBe(10);
    await page.getByRole('link', { name: 'I saved them, continue' }).click();
    await page.getByText('Passkey added.').waitFor();
    expect(await page.locator('[data-two-factor-state]').innerText()).toBe('on');
    expect(await authenticators.credentials(first)).toHaveLength(1);

    // The same authenticator again is refused by the browser (the server listed it as excluded).
    await page.getByLabel('Name of the new passkey').fill('Laptop again');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.locator('[data-passkey-status]').getByText('already registered').waitFor();

    // A second authenticator (a security key, say) is added under its own name.
    await authenticators.remove(first);
    const second = await authenticators.add();
    await page.getByLabel('Name of the new passkey').fill('Blue security key');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    // The page reloads with it listed ("Passkey added." is on the page already, from the first one).
    await page.locator('[data-passkey="Blue security key"]').waitFor();
    await expect(page.locator('[data-passkey]').evaluateAll((items) => items.map((item) => item.getAttribute('data-passkey')))).resolves.toEqual(['Work laptop', 'Blue security key']);

    // Removing one asks for the password.
    const laptop = page.locator('[data-passkey="Work laptop"]');
    await laptop.getByText('Remove', { exact: true }).click();
    await laptop.getByLabel('Confirm it is you').fill(EDITOR.password);
    await laptop.getByRole('button', { name: 'Remove Work laptop' }).click();
    await page.getByText('Passkey removed.').waitFor();
    await expect(page.locator('[data-passkey]').evaluateAll((items) => items.map((item) => item.getAttribute('data-passkey')))).resolves.toEqual(['Blue security key']);

    // Signing in: after the password, the passkey is the second step.
    await signOut(page);
    await passwordStep(page, url, EDITOR);
    expect(await page.getByLabel('Code from your authenticator app').count()).toBe(0);
    const counterBefore = (await authenticators.credentials(second))[0].signCount;
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await page.waitForURL((location) => location.pathname === '/admin');
    expect((await authenticators.credentials(second))[0].signCount).toBeGreaterThan(counterBefore);
    await page.goto(`${url}/admin/account/two-factor`);
    await page.locator('[data-passkey="Blue security key"]').getByText('last used').waitFor();

    // Without the authenticator, the passkey step fails in words, and nothing signs in.
    await signOut(page);
    await authenticators.remove(second);
    await authenticators.add();
    await passwordStep(page, url, EDITOR);
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await page.locator('[data-passkey-status]').filter({ hasText: /\S/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login/two-factor');
    expect(await context.cookies(url).then((cookies) => cookies.some((cookie) => cookie.name === 'tribune_session'))).toBe(false);
    expect(page.errors).toEqual([]);
    expect(page.dialogs).toEqual([]);
    await context.close();
  });
});

/** Chromium's virtual authenticators over CDP: a platform passkey that always passes user verification. */
async function virtualAuthenticators(context: BrowserContext, page: TestPage) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  return {
    async add(): Promise<string> {
      const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
      });
      return authenticatorId;
    },
    async remove(authenticatorId: string): Promise<void> {
      await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    },
    async credentials(authenticatorId: string) {
      return (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
    },
  };
}
