import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { onTestFailed } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../src/testing/server-process.js';

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

/** A page whose failures fail the test: uncaught page errors and dialogs are collected. */
export async function openPage(context: BrowserContext): Promise<Page & { errors: string[]; dialogs: string[] }> {
  const page = (await context.newPage()) as Page & { errors: string[]; dialogs: string[] };
  page.errors = [];
  page.dialogs = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.on('dialog', (dialog) => {
    page.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return page;
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
