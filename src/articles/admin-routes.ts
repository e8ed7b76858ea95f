import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, listStaff, requireRole } from '../accounts/index.js';
import { AppError } from '../errors.js';
import { adminPage, type AdminSection } from '../web/admin-layout.js';
import { articleEditorPage, type EditorPageInput, type EditorValues } from './article-editor-page.js';
import { articlesPage } from './articles-page.js';
import { dashboardPage } from './dashboard-page.js';
import { isFormPost } from '../web/form-post.js';
import type { Html } from '../web/html.js';
import { blankValues, editorFormSchema, inputFromValues, valuesFromArticle, valuesFromForm, type EditorForm } from './editor-form.js';
import { idParams } from './schemas.js';
import { renderArticlePage, sendHtml, type PublicOptions } from './public-routes.js';
import { countByStatus } from './queries.js';
import { renderBody } from './rendering.js';
import { createArticle, deleteArticle, listArticles, requireArticle, updateArticle } from './service.js';
import { listTopics } from './topics.js';
import { ARTICLE_STATUSES, isPublic, type Article, type ArticleStatus } from './types.js';

const NOTICES: Record<string, string> = {
  created: 'Saved as a draft.',
  saved: 'Saved.',
  published: 'Published: readers can see it now.',
  scheduled: 'Scheduled: it goes live at the publication time.',
  unpublished: 'Unpublished: readers no longer see it.',
  deleted: 'The article was deleted.',
};
const doneQuery = { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } } as const;

/** The newsroom's screens: dashboard, article list, editor with preview, publish/schedule/unpublish. */
export const articleAdminRoutes: FastifyPluginAsync<PublicOptions> = async (app, deps) => {
  const { db, now } = deps;

  async function render(request: FastifyRequest, reply: FastifyReply, options: { title: string; section: AdminSection; body: Html; status?: number; scripts?: string[] }) {
    const settings = await deps.settings.get();
    const csrf = csrfToken(request, reply);
    return sendHtml(reply, adminPage({ ...options, settings, viewer: request.viewer, csrf }).value, options.status);
  }

  async function authors(include?: Article['author']) {
    const staff = (await listStaff(db)).map((user) => ({ id: user.id, name: user.display_name }));
    // A former staff member still shown as the byline stays selectable, so saving does not change it.
    if (include && !staff.some((user) => user.id === include.id)) staff.push(include);
    return staff;
  }

  async function editor(request: FastifyRequest, reply: FastifyReply, input: Omit<EditorPageInput, 'topics' | 'authors' | 'settings' | 'csrf' | 'isPublic'>, status = 200) {
    const settings = await deps.settings.get();
    const csrf = csrfToken(request, reply);
    const [topics, staff] = await Promise.all([listTopics(db), authors(input.article?.author)]);
    const body = articleEditorPage({ ...input, isPublic: input.article ? isPublic(input.article, now()) : false, topics, authors: staff, settings, csrf, embedOrigin: deps.config.baseUrl });
    const isPage = input.values.kind === 'page';
    return render(request, reply, { title: input.article ? `Edit: ${input.article.title}` : isPage ? 'New page' : 'New article', section: isPage ? 'pages' : 'articles', body, status, scripts: ['editor.js', 'copy.js'] });
  }

  app.get('/admin', { preHandler: requireRole('editor', 'moderator'), schema: {} }, async (request, reply) => {
    const viewer = request.viewer!;
    const settings = await deps.settings.get();
    const [counts, recent, upcoming] = await Promise.all([
      countByStatus(db),
      listArticles(deps, { page: 1, pageSize: 8 }),
      listArticles(deps, { status: 'scheduled', page: 1, pageSize: 20 }),
    ]);
    const soonest = upcoming.items.filter((item) => !item.public).sort((a, b) => (a.publishedAt! < b.publishedAt! ? -1 : 1)).slice(0, 5);
    const moderation = await deps.slots.dashboardModeration(viewer);
    const body = dashboardPage({
      viewer, settings, recent: recent.items, upcoming: soonest,
      counts: { draft: counts.draft ?? 0, scheduled: counts.scheduled ?? 0, published: counts.published ?? 0 },
      moderation,
    });
    // The moderation box's counts follow the queue's live stream.
    const moderates = viewer.role === 'moderator' || viewer.role === 'admin';
    return render(request, reply, { title: 'Dashboard', section: 'dashboard', body, ...(moderates ? { scripts: ['moderation.js'] } : {}) });
  });

  app.register(async (newsroom) => {
    newsroom.addHook('preHandler', requireRole('editor'));

    newsroom.get<{ Querystring: { status?: string; topic?: string; author?: string; q?: string; page: number; done?: string } }>(
      '/admin/articles',
      {
        schema: {
          querystring: {
            type: 'object',
            properties: {
              status: { type: 'string', enum: [...ARTICLE_STATUSES, ''] }, topic: { type: 'string', maxLength: 64 }, author: { type: 'string', maxLength: 64 },
              q: { type: 'string', maxLength: 200 }, page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 }, done: doneQuery.properties.done,
            },
          },
        },
      },
      async (request, reply) => {
        const { status = '', topic = '', author = '', q = '', page } = request.query;
        const pageSize = 25;
        const [list, topics, staff] = await Promise.all([
          listArticles(deps, { status: (status || undefined) as ArticleStatus | undefined, topic: topic || undefined, authorId: author, text: q, page, pageSize }),
          listTopics(db),
          authors(),
        ]);
        const body = articlesPage({
          ...list, page, pageSize, filters: { status, topic, author, q }, topics, authors: staff,
          settings: await deps.settings.get(), notice: NOTICES[request.query.done ?? ''],
        });
        return render(request, reply, { title: 'Articles', section: 'articles', body });
      },
    );

    newsroom.get('/admin/articles/new', { schema: {} }, async (request, reply) =>
      editor(request, reply, { values: blankValues(request.viewer!.id) }));
    // A static page is written in the same editor; the form carries its kind (src/articles/page-routes.ts lists them).
    newsroom.get('/admin/pages/new', { schema: {} }, async (request, reply) =>
      editor(request, reply, { values: blankValues(request.viewer!.id, 'page') }));

    /** Create or update from the form; a refused submission comes back with what was typed. */
    async function submit(request: FastifyRequest<{ Body: EditorForm }>, reply: FastifyReply, current: Article | undefined) {
      const values: EditorValues = valuesFromForm(request.body);
      const action = request.body.action ?? 'save';
      if (action === 'preview') {
        return editor(request, reply, { article: current, values, previewHtml: renderBody(values.body) });
      }
      try {
        const { site } = await deps.settings.get();
        const input = inputFromValues(values, action, site.timeZone, now());
        const saved = current ? await updateArticle(deps, current.id, input) : await createArticle(deps, request.viewer!.id, input);
        const done = action === 'publish' ? 'published' : action === 'schedule' ? (saved.status === 'scheduled' ? 'scheduled' : 'published')
          : action === 'unpublish' ? 'unpublished' : current ? 'saved' : 'created';
        return reply.redirect(`/admin/articles/${saved.id}?done=${done}`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || (error.status !== 400 && error.status !== 413) || !isFormPost(request)) throw error;
        return editor(request, reply, { article: current, values, error: { field: error.field, message: error.message } }, error.status);
      }
    }

    newsroom.post<{ Body: EditorForm }>('/admin/articles', { schema: { body: editorFormSchema } }, (request, reply) => submit(request, reply, undefined));

    newsroom.get<{ Params: { id: string }; Querystring: { done?: string } }>(
      '/admin/articles/:id',
      { schema: { params: idParams, querystring: doneQuery } },
      async (request, reply) => {
        const article = await requireArticle(db, request.params.id);
        const { site } = await deps.settings.get();
        return editor(request, reply, { article, values: valuesFromArticle(article, site.timeZone), notice: NOTICES[request.query.done ?? ''] });
      },
    );

    newsroom.post<{ Params: { id: string }; Body: EditorForm }>(
      '/admin/articles/:id',
      { schema: { params: idParams, body: editorFormSchema } },
      async (request, reply) => submit(request, reply, await requireArticle(db, request.params.id)),
    );

    newsroom.post<{ Params: { id: string } }>(
      '/admin/articles/:id/delete',
      { schema: { params: idParams, body: { type: 'object', properties: { _csrf: { type: 'string' } } } } },
      async (request, reply) => {
        const { kind } = await requireArticle(db, request.params.id);
        await deleteArticle(deps, request.params.id);
        return reply.redirect(kind === 'page' ? '/admin/pages?done=deleted' : '/admin/articles?done=deleted', 303);
      },
    );

    newsroom.get<{ Params: { id: string } }>('/admin/articles/:id/preview', { schema: { params: idParams } }, async (request, reply) => {
      const article = await requireArticle(db, request.params.id);
      reply.header('x-robots-tag', 'noindex');
      return sendHtml(reply, await renderArticlePage(deps, request, reply, article, !isPublic(article, now())));
    });
  });
};
