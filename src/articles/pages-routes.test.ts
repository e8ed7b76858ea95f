import type { RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../testing/test-app.js';
import { RESERVED_PAGE_SLUGS } from './page-slugs.js';

describe('page addresses', () => {
  it('reserve the first segment of every route the app registers, so no page hides one', async () => {
    const urls: string[] = [];
    const t = await startTestApp({ onRoute: (route: RouteOptions) => void urls.push(route.url ?? '') });
    await t.close();
    expect(urls).toContain('/:slug');
    const segments = new Set(urls.map((url) => url.split('/')[1] ?? '').filter((segment) => segment && !segment.startsWith(':')));
    // Files at the top (`/feed.xml`, `/favicon.ico`) have a dot: never a slug.
    const unreserved = [...segments].filter((segment) => !segment.includes('.') && !RESERVED_PAGE_SLUGS.has(segment));
    expect(unreserved).toEqual([]);
  });
});
