import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStream } from '../testing/sse-client.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { until } from '../testing/wait.js';
import { setCommentStatus } from './index.js';
import { liveRoutes } from './live.js';
import { commentsDeps } from './plugin.js';
import { createReader, createTestArticle, post, postId, relax } from './test-fixtures.js';


describe('live updates over SSE', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await relax(t);
  });
  afterEach(() => t.close());

  it('delivers a posted comment, edits, reactions and deletions to a client over real HTTP, then unsubscribes', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t, 'Live Writer');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const channel = `article:${article.id}` as const;
    const stream = await openStream(port, `/api/articles/${article.slug}/live`);
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers['content-type']).toContain('text/event-stream');
    await until(() => t.runtime.events.listenerCount(channel) === 1);

    const id = await postId(t, reader, article.slug, 'Hello, *live* world');
    const created = await stream.waitFor('comment.created');
    expect(created.comment).toMatchObject({ id, author: { name: 'Live Writer' }, mine: false, reacted: false });
    expect((created.comment as { html: string }).html).toContain('<em>live</em>');
    expect(created.comment).not.toHaveProperty('text');

    await t.request({ method: 'PATCH', url: `/api/comments/${id}`, as: reader, payload: { text: 'Edited live' } });
    expect(await stream.waitFor('comment.updated')).toMatchObject({ comment: { id, html: expect.stringContaining('Edited live') } });
    await t.request({ method: 'POST', url: `/api/comments/${id}/reactions`, as: await createReader(t) });
    expect(await stream.waitFor('reaction.changed')).toEqual({ type: 'reaction.changed', id, reactions: 1 });
    await t.request({ method: 'DELETE', url: `/api/comments/${id}`, as: reader });
    expect(await stream.waitFor('comment.deleted')).toMatchObject({ id, status: 'deleted' });

    stream.close();
    await until(() => t.runtime.events.listenerCount(channel) === 0);
  });

  it('keeps held comments off the stream until a moderator publishes them', async () => {
    const article = await createTestArticle(t, { premoderate: true });
    const reader = await createReader(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const stream = await openStream(port, `/api/articles/${article.id}/live`);
    await until(() => t.runtime.events.listenerCount(`article:${article.id}`) === 1);
    const held = (await post(t, reader, article.slug, { text: 'Wait for it' })).json().comment;
    expect(held.status).toBe('pending');
    expect(stream.events.filter((e) => e.event === 'comment.created')).toEqual([]);

    await setCommentStatus(commentsDeps(t.runtime), held.id, 'published');
    expect(await stream.waitFor('comment.created')).toMatchObject({ comment: { id: held.id, status: 'published' } });
    // One stream delivers in order: had the held comment been streamed when posted, it would have come first.
    expect(stream.events.filter((e) => e.event === 'comment.created')).toHaveLength(1);
    await setCommentStatus(commentsDeps(t.runtime), held.id, 'rejected');
    expect(await stream.waitFor('comment.deleted')).toMatchObject({ id: held.id, status: 'removed' });
    stream.close();
  });

  it('sends heartbeats and ends open streams when the app closes', async () => {
    const article = await createTestArticle(t);
    const app = Fastify();
    await app.register(liveRoutes, { ...commentsDeps(t.runtime), heartbeatMs: 20 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const stream = await openStream(port, `/api/articles/${article.slug}/live`);
    let raw = '';
    stream.response.on('data', (chunk: string) => (raw += chunk));
    const ended = new Promise((resolve) => stream.response.on('end', resolve));
    await until(() => raw.includes(': ping'));
    expect(t.runtime.events.listenerCount(`article:${article.id}`)).toBe(1);
    await app.close();
    await ended;
    expect(t.runtime.events.listenerCount(`article:${article.id}`)).toBe(0);
  });
});
