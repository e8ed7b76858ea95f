import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from './testing/test-app.js';

/** Failures Fastify answers before any route runs must still be `{error, message}`, never its own format. */
describe("Fastify's own failures in the site's error format", () => {
  let t: TestApp;
  let admin: TestIdentity;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signIn('admin');
  });
  afterAll(() => t.close());

  function expectShape(body: string, error: string) {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    expect(parsed).toMatchObject({ error, message: expect.any(String) });
    expect(parsed).not.toHaveProperty('statusCode');
    expect(parsed).not.toHaveProperty('code');
  }

  it('answers a URL it cannot decode with 400 BAD_URL', async () => {
    for (const url of ['/articles/%E0%A4%A', '/api/comments/%ED%A0%80/replies', '/topics/%']) {
      const response = await t.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expectShape(response.body, 'BAD_URL');
    }
  });

  it('answers a path parameter over the router limit with 414 URL_PART_TOO_LONG', async () => {
    const response = await t.request({ method: 'GET', url: `/articles/${'x'.repeat(5000)}` });
    expect(response.statusCode).toBe(414);
    expectShape(response.body, 'URL_PART_TOO_LONG');
  });

  it('maps schema, JSON, prototype-poisoning, media-type and unknown-route failures', async () => {
    const cases: [Parameters<TestApp['request']>[0], number, string][] = [
      [{ method: 'POST', url: '/api/admin/topics', as: admin, payload: { name: { a: 1 } } }, 400, 'VALIDATION_FAILED'],
      [{ method: 'POST', url: '/api/admin/topics', as: admin, payload: '{"name":', headers: { 'content-type': 'application/json' } }, 400, 'INVALID_JSON'],
      [{ method: 'POST', url: '/api/admin/topics', as: admin, payload: '', headers: { 'content-type': 'application/json' } }, 400, 'INVALID_JSON'],
      [{ method: 'POST', url: '/api/admin/topics', as: admin, payload: '{"__proto__":{"x":1}}', headers: { 'content-type': 'application/json' } }, 400, 'INVALID_JSON'],
      [{ method: 'POST', url: '/api/admin/topics', as: admin, payload: 'name=x', headers: { 'content-type': 'text/x-unknown' } }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [{ method: 'PUT', url: '/api/admin/topics', as: admin }, 404, 'NOT_FOUND'],
      [{ method: 'GET', url: '/api/no-such-route' }, 404, 'NOT_FOUND'],
    ];
    for (const [request, status, error] of cases) {
      const response = await t.request(request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(status);
      expectShape(response.body, error);
    }
  });

  describe('over a real socket', () => {
    let port: number;
    beforeAll(async () => {
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      port = (t.app.server.address() as AddressInfo).port;
    });

    /** Sends raw bytes and reads until the server closes the connection. */
    function raw(bytes: string): Promise<string> {
      return new Promise((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
        let answer = '';
        socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk)).on('close', () => resolve(answer)).on('error', reject);
      });
    }

    it('answers HTTP it cannot parse with 400 MALFORMED_REQUEST', async () => {
      const answer = await raw('GET / HTTP/1.1\r\nHost: localhost\r\nNot a header\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expectShape(answer.slice(answer.indexOf('\r\n\r\n') + 4), 'MALFORMED_REQUEST');
    });

    it('answers oversized headers with 431 HEADERS_TOO_LARGE', async () => {
      const answer = await raw(`GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      expectShape(answer.slice(answer.indexOf('\r\n\r\n') + 4), 'HEADERS_TOO_LARGE');
    });
  });
});
