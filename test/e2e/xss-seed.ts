import { expect } from 'vitest';
import { SiteClient } from '../../src/testing/site-client.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

/** A payload cut to a field's length (a cut payload is still hostile; the field's limit is not the test). */
export function fit(payload: string, max: number): string {
  return [...payload].slice(0, max).join('');
}

export const at = (index: number) => XSS_PAYLOADS[index % XSS_PAYLOADS.length];

export interface SeededArticles {
  slugs: string[];
  topicSlug: string;
}

/** One published article per payload, the payload as its title, summary, body and source name. */
export async function seedHostileArticles(editor: SiteClient): Promise<SeededArticles> {
  const topic = await editor.post('/api/admin/topics', { json: { name: fit(at(8), 60), slug: 'xss-lab', description: at(9) } });
  expect(topic.status, topic.text).toBe(201);
  const topicId = topic.json<{ id: string }>().id;
  // URLs are the one place a payload must be refused, not escaped.
  for (const field of ['videoUrl', 'featuredImageUrl']) {
    const refused = await editor.post('/api/admin/articles', { json: { title: 'Hostile URL', body: 'x', [field]: 'javascript:alert(1)' } });
    expect(refused.status, `${field}: ${refused.text}`).toBe(400);
  }
  const badSource = await editor.post('/api/admin/articles', { json: { title: 'Hostile source', body: 'x', sources: [{ name: 'x', url: 'javascript:alert(1)' }] } });
  expect(badSource.status, badSource.text).toBe(400);

  const slugs: string[] = [];
  const refused: string[] = [];
  for (const [index, payload] of XSS_PAYLOADS.entries()) {
    const slug = `xss-${index}`;
    const response = await editor.post('/api/admin/articles', {
      json: {
        title: fit(payload, 300), slug, summary: fit(at(index + 1), 1000), body: `${payload}\n\n${at(index + 2)}`,
        sources: [{ name: fit(payload, 300), url: 'https://example.org/source' }], topics: [topicId], mediaTag: 'video', status: 'published',
      },
    });
    if (response.status === 201) slugs.push(slug);
    else if (!refusedAtTheEdge(response)) refused.push(`${index}: ${response.status} ${response.text.slice(0, 120)}`);
  }
  // A refusal is safe, but the test must exercise nearly every payload.
  expect(refused.length, refused.join('\n')).toBeLessThanOrEqual(5);
  return { slugs, topicSlug: 'xss-lab' };
}

export interface SeededComments {
  published: number;
  publishedIds: string[];
  /** Held comments with their author's guest cookie: only they (and moderators) see them. */
  held: { cookie: string; id: string; rootId: string }[];
}

/**
 * Every payload as a top-level comment, under a guest name that is another payload, each from a new
 * guest (so flood and repeat rules do not hold them); every third thread gets a hostile reply too.
 */
export async function seedHostileComments(site: string, article: string): Promise<SeededComments> {
  const guest = new SiteClient(site);
  await guest.loadPage(`/articles/${article}`);
  let published = 0;
  const publishedIds: string[] = [];
  const held: SeededComments['held'] = [];
  const unexpected: string[] = [];

  async function post(text: string, name: string, parentId?: string): Promise<string | null> {
    guest.forgetGuest();
    let body: Record<string, unknown> = { text, name, ...(parentId ? { parentId } : {}) };
    let response = await guest.post(`/api/articles/${article}/comments`, { json: body });
    if (response.status === 400 && /DISPLAY_NAME/.test(response.text)) {
      // Names with control or format characters are refused; the text still goes in under a plain name.
      body = { ...body, name: `Guest ${published + held.length}` };
      response = await guest.post(`/api/articles/${article}/comments`, { json: body });
    }
    if (response.status === 422 && /NUDGE/.test(response.text)) {
      response = await guest.post(`/api/articles/${article}/comments`, { json: { ...body, postAnyway: true } });
    }
    if (response.status === 201) {
      const comment = response.json<{ comment: { id: string; rootId: string; status: string } }>().comment;
      if (comment.status === 'published') {
        published += 1;
        publishedIds.push(comment.id);
      }
      else held.push({ cookie: guest.cookies.get('tribune_guest')!, id: comment.id, rootId: comment.rootId });
      return comment.status === 'published' ? comment.id : null;
    }
    if (!/COMMENT_REJECTED|COMMENT_EMPTY/.test(response.text) && !refusedAtTheEdge(response)) unexpected.push(`${response.status} ${response.text.slice(0, 160)}`);
    return null;
  }

  for (const [index, payload] of XSS_PAYLOADS.entries()) {
    const id = await post(payload, fit(at(index + 1), 40));
    if (id && index % 3 === 0) await post(at(index + 2), fit(payload, 40), id);
  }
  guest.close();
  expect(unexpected).toEqual([]);
  expect(published).toBeGreaterThan(XSS_PAYLOADS.length / 2);
  return { published, publishedIds, held };
}

/**
 * Reports with a payload as the reporter's note, for the moderators' "reported" tab. Reports count
 * against a per-address limit of 60 a minute, so reporters come from several loopback addresses.
 */
export async function seedHostileReports(site: string, commentIds: string[], article: string): Promise<number> {
  const reporters = Array.from({ length: 3 }, (_, n) => new SiteClient(site, { localAddress: `127.0.0.${20 + n}` }));
  let reported = 0;
  try {
    for (const reporter of reporters) await reporter.loadPage(`/articles/${article}`);
    for (const [index, id] of commentIds.entries()) {
      const reporter = reporters[Math.floor(index / 50) % reporters.length];
      reporter.forgetGuest();
      const response = await reporter.post(`/api/comments/${id}/flags`, { json: { reason: 'other', note: fit(at(index + 4), 500) } });
      if (refusedAtTheEdge(response)) continue;
      expect(response.status, response.text.slice(0, 200)).toBeLessThan(300);
      reported += 1;
    }
  } finally {
    for (const reporter of reporters) reporter.close();
  }
  return reported;
}

/**
 * Every payload as a donor's public name and message through the demo checkout. The checkout allows 20
 * gifts a minute from one address, so donors come from several loopback addresses (127.0.0.2…).
 */
export async function seedHostileGifts(site: string, onBatch: (given: number) => Promise<void>, batch = 24): Promise<void> {
  const donors = Array.from({ length: 6 }, (_, n) => new SiteClient(site, { localAddress: `127.0.0.${n + 2}` }));
  try {
    for (const donor of donors) await donor.loadPage('/donate');
    for (const [index, payload] of XSS_PAYLOADS.entries()) {
      const donor = donors[Math.floor(index / 19) % donors.length];
      const response = await donor.post('/donate/demo', { json: { amount: 500, frequency: 'once', publicName: fit(payload, 80), message: fit(at(index + 3), 500) } });
      if (!refusedAtTheEdge(response)) expect(response.status, response.text.slice(0, 200)).toBe(200);
      if ((index + 1) % batch === 0 || index === XSS_PAYLOADS.length - 1) await onBatch(index + 1);
    }
  } finally {
    for (const donor of donors) donor.close();
  }
}

/** Payloads with NUL (or broken UTF-16) are refused for every field before any route sees them. */
function refusedAtTheEdge(response: { status: number; text: string }): boolean {
  return response.status === 400 && /TEXT_HAS_NUL|TEXT_NOT_UNICODE/.test(response.text);
}
