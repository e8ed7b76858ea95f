import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { archiveBody, composeBody, composeQuery, idParams, newsletterBody, scheduleBody, sendProgressResponse, sendQuery } from './contract.js';
import { csrfToken, requireRole } from '../accounts/index.js';
import { AppError } from '../errors.js';
import { CONTENT_SECURITY_POLICY } from '../security-headers.js';
import { newId } from '../db/ids.js';
import { adminPage } from '../web/admin-layout.js';
import { isFormPost } from '../web/form-post.js';
import { fromWallTime } from '../web/dates.js';
import { html, type Html } from '../web/html.js';
import { composeForm, newslettersAdminPage, sendPage, type ArticleChoice, type ComposeValues } from './admin-pages.js';
import { renderEmailHtml, renderEmailText } from './email.js';
import { newsletterErrors } from './errors.js';
import { findNewsletter, listNewsletters, subscriberCounts } from './queries.js';
import { cancelSend, createDraft, emailContent, findSend, listSends, scheduleSend, sendArticleIds, sendProgress, updateDraft, type SendInput } from './sends.js';
import { exportSubscribersCsv } from './csv.js';
import { sendTestEmail } from './test-send.js';
import { engagementCounts } from './tracking.js';
import type { NewslettersDeps } from './types.js';
import type { NewsletterWorker } from './delivery.js';

const EDITORS = requireRole('admin', 'editor');
const OWNER = requireRole('admin');
interface ComposeBody {
  newsletterId?: string;
  kind?: string;
  articleIds?: string | string[];
  subject?: string;
  intro?: string;
}

function composeValues(body: ComposeBody | undefined): ComposeValues {
  const ids = body?.articleIds;
  return {
    newsletterId: body?.newsletterId ?? '',
    kind: body?.kind ?? 'article',
    articleIds: Array.isArray(ids) ? ids : ids ? [ids] : [],
    subject: body?.subject ?? '',
    intro: body?.intro ?? '',
  };
}

function sendInput(values: ComposeValues): SendInput {
  return { newsletterId: values.newsletterId, kind: values.kind as SendInput['kind'], articleIds: values.articleIds, subject: values.subject, intro: values.intro };
}

function slugFor(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/**
 * `/admin/newsletters`: the owner's lists and subscribers; editors' drafts, previews, test sends and
 * sends with their progress.
 */
export function adminRoutes(deps: NewslettersDeps, worker: NewsletterWorker): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
    async function respond(request: FastifyRequest, reply: FastifyReply, title: string, body: Html, options: { status?: number; refresh?: boolean; framesPreview?: boolean } = {}) {
      const settings = await deps.settings.get();
      const csrf = csrfToken(request, reply);
      if (options.refresh) reply.header('refresh', '5');
      // The send page frames its own email preview.
      if (options.framesPreview) reply.header('content-security-policy', CONTENT_SECURITY_POLICY.replace('frame-src ', "frame-src 'self' "));
      return reply.code(options.status ?? 200).type('text/html; charset=utf-8').send(adminPage({ title, settings, viewer: request.viewer, csrf, body, section: 'newsletters' }).value);
    }

    /** Recent and upcoming articles an editor may send (the articles table is read-only here); static pages are not news. */
    async function articleChoices(): Promise<ArticleChoice[]> {
      const rows = await deps.db.selectFrom('articles').select(['id', 'title', 'status', 'published_at']).where('status', 'in', ['published', 'scheduled']).where('kind', '=', 'article').orderBy('published_at', 'desc').limit(60).execute();
      return rows.map((row) => ({ id: row.id, title: row.title, status: row.status, publishedAt: row.published_at }));
    }

    async function listPage(request: FastifyRequest, reply: FastifyReply, error?: { field?: string; message: string }) {
      // Only a browser's form gets the page drawn again; API clients get `{error, message}`.
      if (error && !isFormPost(request)) throw newsletterErrors.raise('NEWSLETTER_INVALID', error.message, error.field);
      const settings = await deps.settings.get();
      const sends = await listSends(deps);
      return respond(request, reply, 'Newsletters', newslettersAdminPage({
        csrf: csrfToken(request, reply),
        canManage: request.viewer?.role === 'admin',
        newsletters: await listNewsletters(deps.db, { includeArchived: true }),
        counts: await subscriberCounts(deps.db),
        sends,
        progress: await sendProgress(deps, sends.map((send) => send.id)),
        settings,
        error,
      }), { status: error ? 400 : 200 });
    }

    app.get('/admin/newsletters', { preHandler: EDITORS }, (request, reply) => listPage(request, reply));

    app.post(
      '/admin/newsletters',
      { preHandler: OWNER, schema: { body: newsletterBody } },
      async (request, reply) => {
        const name = (request.body.name ?? '').trim();
        const slug = slugFor((request.body.slug ?? '').trim() || name);
        const description = (request.body.description ?? '').trim();
        if (!name || name.length > 100) return listPage(request, reply, { field: 'name', message: 'A name of 1 to 100 characters.' });
        if (!slug) return listPage(request, reply, { field: 'slug', message: 'Use letters or digits in the address.' });
        if (description.length > 500) return listPage(request, reply, { field: 'description', message: 'At most 500 characters.' });
        if (await findNewsletter(deps.db, { slug })) return listPage(request, reply, { field: 'slug', message: newsletterErrors.specs.NEWSLETTER_SLUG_TAKEN.message });
        const time = deps.now().toISOString();
        const count = (await listNewsletters(deps.db, { includeArchived: true })).length;
        await deps.db.insertInto('newsletters').values({ id: newId(deps.now()), slug, name, description, position: count, created_at: time, updated_at: time }).execute();
        return reply.redirect('/admin/newsletters', 303);
      },
    );

    app.post(
      '/admin/newsletters/:id/archive',
      { preHandler: OWNER, schema: { params: idParams, body: archiveBody } },
      async (request, reply) => {
        const time = deps.now().toISOString();
        const result = await deps.db.updateTable('newsletters').set({ archived_at: request.body.archived === '1' ? time : null, updated_at: time }).where('id', '=', request.params.id).executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw newsletterErrors.raise('NEWSLETTER_NOT_FOUND');
        return reply.redirect('/admin/newsletters', 303);
      },
    );

    app.get('/admin/newsletters/subscribers.csv', { preHandler: OWNER }, async (_request, reply) => {
      reply.header('content-disposition', `attachment; filename="subscribers-${deps.now().toISOString().slice(0, 10)}.csv"`);
      return reply.type('text/csv; charset=utf-8').send(await exportSubscribersCsv(deps.db));
    });

    async function composePage(request: FastifyRequest, reply: FastifyReply, values: ComposeValues, error?: { field?: string; message: string }) {
      const newsletters = await listNewsletters(deps.db);
      const settings = await deps.settings.get();
      if (newsletters.length === 0) {
        return respond(request, reply, 'Write a newsletter', html`<h1>Write a newsletter</h1><p>There is no newsletter yet. ${request.viewer?.role === 'admin' ? html`<a href="/admin/newsletters">Create one</a> first.` : 'Ask the site owner to create one.'}</p>`);
      }
      const form = composeForm({ csrf: csrfToken(request, reply), action: '/admin/newsletters/sends', newsletters, articles: await articleChoices(), values: { ...values, newsletterId: values.newsletterId || newsletters[0].id }, error, settings, submitLabel: 'Save and preview' });
      return respond(request, reply, 'Write a newsletter', html`<h1>Write a newsletter</h1>${form}`, { status: error ? 400 : 200 });
    }

    app.get(
      '/admin/newsletters/compose',
      { preHandler: EDITORS, schema: { querystring: composeQuery } },
      (request, reply) => composePage(request, reply, { newsletterId: '', kind: 'article', articleIds: request.query.article ? [request.query.article] : [], subject: '', intro: '' }),
    );

    app.post('/admin/newsletters/sends', { preHandler: EDITORS, schema: { body: composeBody } }, async (request, reply) => {
      const values = composeValues(request.body);
      try {
        const id = await createDraft(deps, sendInput(values), request.viewer!.id);
        return reply.redirect(`/admin/newsletters/sends/${id}`, 303);
      } catch (error) {
        if (error instanceof AppError && error.status < 500 && isFormPost(request)) return composePage(request, reply, values, { field: error.field, message: error.message });
        throw error;
      }
    });

    async function showSend(request: FastifyRequest, reply: FastifyReply, sendId: string, notice?: string, error?: { field?: string; message: string }, values?: ComposeValues) {
      const send = await findSend(deps, sendId);
      if (!send) throw newsletterErrors.raise('NEWSLETTER_SEND_NOT_FOUND');
      const settings = await deps.settings.get();
      const csrf = csrfToken(request, reply);
      const compose = send.status === 'draft'
        ? composeForm({
          csrf, action: `/admin/newsletters/sends/${send.id}`, newsletters: await listNewsletters(deps.db), articles: await articleChoices(), settings, error, submitLabel: 'Save changes',
          values: values ?? { newsletterId: send.newsletter_id, kind: send.kind, articleIds: sendArticleIds(send), subject: send.subject, intro: send.intro },
        })
        : null;
      const progress = (await sendProgress(deps, [send.id])).get(send.id)!;
      const engagement = send.tracked_links === null ? undefined : (await engagementCounts(deps.db, [send.id])).get(send.id);
      return respond(request, reply, send.subject, sendPage({ csrf, send, newsletter: await findNewsletter(deps.db, { id: send.newsletter_id }), progress, engagement, compose, viewerEmail: request.viewer?.email ?? null, settings, notice }), {
        refresh: send.status === 'sending',
        status: error ? 400 : 200,
        framesPreview: true,
      });
    }

    app.get(
      '/admin/newsletters/sends/:id',
      { preHandler: EDITORS, schema: { params: idParams, querystring: sendQuery } },
      (request, reply) => showSend(request, reply, request.params.id, request.query.notice && { test: `A test was sent to ${request.viewer?.email ?? 'you'}.`, saved: 'Saved.', scheduled: 'Handed to the queue.' }[request.query.notice]),
    );

    app.get('/api/admin/newsletters/sends/:id', { preHandler: EDITORS, schema: { params: idParams, response: { 200: sendProgressResponse } } }, async (request) => {
      const send = await findSend(deps, request.params.id);
      if (!send) throw newsletterErrors.raise('NEWSLETTER_SEND_NOT_FOUND');
      return { id: send.id, status: send.status, ...(await sendProgress(deps, [send.id])).get(send.id)! };
    });

    app.post('/admin/newsletters/sends/:id', { preHandler: EDITORS, schema: { params: idParams, body: composeBody } }, async (request, reply) => {
      const values = composeValues(request.body);
      try {
        await updateDraft(deps, request.params.id, sendInput(values));
        return reply.redirect(`/admin/newsletters/sends/${request.params.id}?notice=saved`, 303);
      } catch (error) {
        if (error instanceof AppError && error.status === 400 && isFormPost(request)) return showSend(request, reply, request.params.id, undefined, { field: error.field, message: error.message }, values);
        throw error;
      }
    });

    // The email exactly as subscribers get it, in a sandboxed frame: its inline styles need their own policy.
    app.get('/admin/newsletters/sends/:id/preview', { preHandler: EDITORS, schema: { params: idParams } }, async (request, reply) => {
      const send = await findSend(deps, request.params.id);
      if (!send) throw newsletterErrors.raise('NEWSLETTER_SEND_NOT_FOUND');
      const body = send.body_html ?? renderEmailHtml(await emailContent(deps, send));
      reply.header('content-security-policy', "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox");
      return reply.type('text/html; charset=utf-8').send(body.replaceAll('%%TRIBUNE_UNSUBSCRIBE_URL%%', '#').replaceAll('%%TRIBUNE_PREFERENCES_URL%%', '#'));
    });

    app.get('/admin/newsletters/sends/:id/preview.txt', { preHandler: EDITORS, schema: { params: idParams } }, async (request, reply) => {
      const send = await findSend(deps, request.params.id);
      if (!send) throw newsletterErrors.raise('NEWSLETTER_SEND_NOT_FOUND');
      return reply.type('text/plain; charset=utf-8').send(send.body_text ?? renderEmailText(await emailContent(deps, send)));
    });

    app.post('/admin/newsletters/sends/:id/test', { preHandler: EDITORS, config: { rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { params: idParams } }, async (request, reply) => {
      const send = await findSend(deps, request.params.id);
      if (!send) throw newsletterErrors.raise('NEWSLETTER_SEND_NOT_FOUND');
      if (!request.viewer?.email) throw newsletterErrors.raise('SUBSCRIBE_EMAIL_INVALID', 'Your account has no email address to send a test to.');
      await sendTestEmail(deps, send, request.viewer.email);
      return reply.redirect(`/admin/newsletters/sends/${send.id}?notice=test`, 303);
    });

    app.post(
      '/admin/newsletters/sends/:id/schedule',
      { preHandler: EDITORS, schema: { params: idParams, body: scheduleBody } },
      async (request, reply) => {
        const settings = await deps.settings.get();
        let sendAfter: Date | null = deps.now();
        if (request.body.when === 'with-article') sendAfter = null;
        if (request.body.when === 'at') {
          const iso = request.body.at ? fromWallTime(request.body.at, settings.site.timeZone) : undefined;
          if (!iso) throw newsletterErrors.raise('NEWSLETTER_SEND_INVALID', 'Enter the date and time to send at.', 'at');
          sendAfter = new Date(iso);
        }
        await scheduleSend(deps, request.params.id, sendAfter);
        worker.wake();
        return reply.redirect(`/admin/newsletters/sends/${request.params.id}?notice=scheduled`, 303);
      },
    );

    app.post('/admin/newsletters/sends/:id/cancel', { preHandler: EDITORS, schema: { params: idParams } }, async (request, reply) => {
      await cancelSend(deps, request.params.id);
      return reply.redirect(`/admin/newsletters/sends/${request.params.id}`, 303);
    });
  };
}


