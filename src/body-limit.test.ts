import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainLimitsFor } from './drain-body.js';
import { startTestApp, type TestApp } from './testing/test-app.js';

const LIMIT = 64 * 1024;
/** Sixteen times the limit: most of it is still on its way when the server has decided. */
const OVERSIZE = 16 * LIMIT;
const ATTEMPTS = 12;

interface Outcome {
  status?: number;
  connection?: string;
  body?: string;
  /** What the client saw instead of an answer (ECONNRESET, EPIPE). */
  error?: string;
  /** Bytes of body the client handed to its socket before the connection closed. */
  written: number;
}

/**
 * The client runs on its own thread, as a browser or `curl` would in its own process: with the server on
 * the same event loop, the server never closes a socket while the client is between writes, and the
 * race this guards against cannot happen. It writes the body in chunks as fast as the socket takes them
 * and reads the answer whenever it comes; a reset before the answer has been read is an error.
 */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const { request } = require('node:http');
const { port, path, type, size, chunked, endless, localAddress } = workerData;
const prefix = type.includes('json') ? '{"name":"Big","text":"' : 'email=a%40b.test&password=';
const body = Buffer.concat([Buffer.from(prefix), Buffer.alloc(size, 'x'), Buffer.from(type.includes('json') ? '"}' : '')]);
const headers = { 'content-type': type, accept: 'application/json' };
if (!chunked) headers['content-length'] = body.length;
let settled = false;
let offset = 0;
const finish = (outcome) => { if (!settled) { settled = true; parentPort.postMessage({ ...outcome, written: offset }); } };
const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers, agent: false, localAddress }, (res) => {
  const chunks = [];
  res.on('data', (chunk) => chunks.push(chunk));
  res.on('error', (error) => finish({ error: error.code || error.message }));
  res.on('end', () => res.socket.once('close', () => finish({ status: res.statusCode, connection: res.headers.connection, body: Buffer.concat(chunks).toString('utf8') })));
});
req.on('error', (error) => finish({ error: error.code || error.message }));
const pump = () => {
  while (endless ? !req.destroyed : offset < body.length) {
    const more = req.write(body.subarray(offset % body.length, (offset % body.length) + 16384));
    offset += 16384;
    if (!more) return void req.once('drain', pump);
  }
  req.end();
};
pump();
`;

let nextAddress = 0;
/** Each attempt from its own loopback address, so per-address rate limits do not answer first. */
function freshAddress(): string {
  nextAddress += 1;
  return `127.0.${Math.floor(nextAddress / 250) + 10}.${(nextAddress % 250) + 1}`;
}

function postOversized(port: number, path: string, type: string, options: { chunked: boolean; endless?: boolean }): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const workerData = { port, path, type, size: OVERSIZE, localAddress: freshAddress(), ...options };
    const worker = new Worker(CLIENT, { eval: true, workerData });
    worker.once('message', (outcome: Outcome) => {
      resolve(outcome);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('request bodies over TRIBUNE_BODY_LIMIT, from a client on another thread over loopback', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp({ env: { TRIBUNE_BODY_LIMIT: String(LIMIT) } });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t?.close());

  const cases = [
    { name: 'a urlencoded form to /login', path: '/login', type: 'application/x-www-form-urlencoded', page: true },
    { name: 'a urlencoded form to the comment API', path: '/api/articles/any-article/comments', type: 'application/x-www-form-urlencoded', page: false },
    { name: 'JSON to the comment API', path: '/api/articles/any-article/comments', type: 'application/json', page: false },
  ];

  for (const { name, path, type, page } of cases) {
    for (const chunked of [false, true]) {
      it(`answers ${name} (${chunked ? 'chunked' : 'with a content-length'}) with 413 every time, then closes`, async () => {
        const outcomes: Outcome[] = [];
        for (let attempt = 0; attempt < ATTEMPTS; attempt++) outcomes.push(await postOversized(port, path, type, { chunked }));
        expect(outcomes.filter((outcome) => outcome.error)).toEqual([]);
        for (const outcome of outcomes) {
          expect(outcome.status).toBe(413);
          expect(outcome.connection).toBe('close');
          if (page) expect(outcome.body).toContain('too large');
          else expect(JSON.parse(outcome.body!)).toEqual({ error: 'BODY_TOO_LARGE', message: 'The request body is too large.' });
        }
      });
    }
  }

  it('stops reading a body that never ends once it has thrown away its budget, and closes', async () => {
    const budget = drainLimitsFor(LIMIT).bytes;
    const outcome = await postOversized(port, '/api/articles/any-article/comments', 'application/json', { chunked: true, endless: true });
    // The answer may or may not reach a client that never stops to read: this is the reset left on purpose.
    if (!outcome.error) expect(outcome.status).toBe(413);
    expect(outcome.written).toBeGreaterThan(budget);
    // What the kernel's buffers took on top of the budget, at most a few megabytes on loopback.
    expect(outcome.written).toBeLessThan(budget + 32 * 1024 * 1024);
  });
});
