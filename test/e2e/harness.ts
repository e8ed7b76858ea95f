import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../src/testing/server-process.js';
import { readMailbox } from '../../src/mail/index.js';
import { DEMO_ADMIN, SiteClient } from '../../src/testing/site-client.js';

export const CHROMIUM = process.env.TRIBUNE_CHROMIUM ?? '/usr/bin/chromium';
export const OUTPUT_DIR = join(process.cwd(), 'test-results');

export interface Site {
  url: string;
  server: ServerProcess;
  dataDir: string;
  close(): Promise<void>;
}

/** A real Tribune process on a free loopback port with a fresh, seeded database. */
export async function startSite(env: Record<string, string> = {}): Promise<Site> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tribune-e2e-'));
  const server = await startServerProcess({ TRIBUNE_DATA_DIR: dataDir, ...env }, ['--demo']);
  return {
    url: server.url,
    server,
    dataDir,
    async close() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The demo site and Chromium for one test file: started before its tests, closed after them (after the
 * file's own `afterAll`, which runs first). One that started is closed even when the other failed.
 */
export function siteInChromium(ready: (started: { site: Site; browser: Browser }) => void): void {
  let site: Site | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const [siteResult, browserResult] = await Promise.allSettled([startSite(), launchBrowser()]);
    if (siteResult.status === 'fulfilled') site = siteResult.value;
    if (browserResult.status === 'fulfilled') browser = browserResult.value;
    if (siteResult.status === 'rejected') throw siteResult.reason;
    if (browserResult.status === 'rejected') throw browserResult.reason;
    ready({ site: site!, browser: browser! });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
}

/** Debian's Chromium, headless, with no background traffic (this machine has no network). */
export async function launchBrowser(): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  } catch (error) {
    throw new Error(`Could not start Chromium at ${CHROMIUM} (apt-get install -y chromium): ${(error as Error).message}`);
  }
}

export type TestPage = Page & {
  errors: string[];
  dialogs: string[];
  /** Answers the next dialog (e.g. a delete confirmation) instead of recording it as a failure. */
  acceptNextDialog(messagePattern: RegExp): void;
};

/** A page whose failures fail the test: uncaught page errors and unexpected dialogs are collected. */
export async function openPage(context: BrowserContext): Promise<TestPage> {
  const page = (await context.newPage()) as TestPage;
  // A missing element fails in seconds, not at the test's timeout.
  page.setDefaultTimeout(10_000);
  page.errors = [];
  page.dialogs = [];
  let expected: RegExp | null = null;
  page.acceptNextDialog = (pattern) => {
    expected = pattern;
  };
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.on('dialog', (dialog) => {
    if (expected?.test(dialog.message())) {
      expected = null;
      void dialog.accept().catch(() => undefined);
      return;
    }
    page.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return page;
}

/** Signs in through the login form, as a person would. */
export async function signInInBrowser(page: Page, siteUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${siteUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Signs a reader in as a person would: the email form, then the link from the mail the site wrote to its folder. */
export async function signInReaderInBrowser(page: Page, site: Site, email: string): Promise<void> {
  const mailbox = join(site.dataDir, 'mail');
  const before = new Set(readMailbox(mailbox).map((mail) => mail.file));
  await page.goto(`${site.url}/account`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL(/[?&]sent=1/);
  const mail = readMailbox(mailbox).find((candidate) => !before.has(candidate.file) && candidate.to === email.toLowerCase());
  const link = mail && /https?:\/\/\S+\/auth\/magic\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no sign-in mail for ${email}`);
  await page.goto(link);
  await page.waitForURL((url) => !url.pathname.startsWith('/auth/'));
}

/** Every URL the page requests, to prove nothing left the site (e.g. no video host before a click). */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

export interface OtherOrigin {
  /** e.g. http://127.0.0.1:40123: another origin on loopback. */
  url: string;
  close(): Promise<void>;
}

/** A plain web server on another loopback port: a partner's page embedding the widget, or an attacker's. */
export async function startOtherOrigin(pages: Record<string, string>): Promise<OtherOrigin> {
  const server: Server = createServer((request, response) => {
    const body = pages[(request.url ?? '/').split('?')[0]];
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Saves a screenshot of each page under test-results/ when the current test fails. */
export function screenshotOnFailure(name: string, pages: () => Page[]): void {
  onTestFailed(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    let index = 0;
    for (const page of pages()) {
      index += 1;
      await page.screenshot({ path: join(OUTPUT_DIR, `${name}-${index}.png`), fullPage: true }).catch(() => {});
    }
  });
}

/** A staff member added by the demo admin on the staff screen, as an admin would, with a password. */
export async function addStaffMember(site: Site, person: { email: string; name: string; password: string }, role: 'editor' | 'moderator'): Promise<void> {
  const admin = new SiteClient(site.url);
  try {
    await admin.signIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
    await admin.loadPage('/admin/users');
    const added = await admin.post('/admin/users', { form: { _csrf: admin.csrf, email: person.email, displayName: person.name, role, password: person.password }, csrf: false });
    expect(added.status, added.text.slice(0, 200)).toBe(303);
  } finally {
    admin.close();
  }
}
