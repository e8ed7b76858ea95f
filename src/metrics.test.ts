import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './testing/test-app.js';

describe('/metrics', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ env: { TRIBUNE_METRICS_TOKEN: 'scrape-me' } });
  });
  afterEach(() => t.close());

  it('serves request durations by route pattern to loopback', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const response = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('tribune_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"} 1');
  });

  it('refuses other hosts without the token', async () => {
    const refused = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9' });
    expect(refused.statusCode).toBe(403);
    const allowed = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9', headers: { authorization: 'Bearer scrape-me' } });
    expect(allowed.statusCode).toBe(200);
  });
});
