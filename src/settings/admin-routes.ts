import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../errors.js';
import type { Deps } from '../runtime.js';
import type { SiteSettings } from './defaults.js';
import { adminPage } from '../web/admin-layout.js';
import { isFormPost } from '../web/form-post.js';
import { html, type Html } from '../web/html.js';
import { settingsErrors } from '../web/admin/errors.js';
import { csrfField, flash, formError, type FormError } from '../web/admin/form.js';
import type { FormValues, SettingsSection } from '../web/admin/settings-sections.js';

/**
 * Sign-in comes from accounts, wired by app.ts: accounts reads settings, so settings cannot import it.
 * `admins` lets only administrators through; `csrfToken` is the form token for this visitor.
 */
export interface SettingsGuard {
  admins: preHandlerAsyncHookHandler;
  csrfToken: (request: FastifyRequest, reply: FastifyReply) => string;
}

type Options = Pick<Deps, 'settings'> & { sections: SettingsSection[]; guard: SettingsGuard };

/** A failed save: which box, what was typed, and why. */
interface Failure {
  sectionId: string;
  values: FormValues;
  error: FormError;
}

function settingsPage(sections: SettingsSection[], statuses: (Html | undefined)[], settings: SiteSettings, csrf: string, notice?: string, failure?: Failure) {
  return html`<div class="admin-title"><h1>Settings</h1></div>
${flash(notice)}
<nav class="settings-toc" aria-label="Groups"><ul>${sections.map((section) => html`<li><a href="#settings-${section.id}">${section.title}</a></li>`)}</ul></nav>
${sections.map((section, index) => {
    const failed = failure?.sectionId === section.id ? failure : undefined;
    const values = failed?.values ?? section.toForm(settings);
    return html`<section class="card settings-section" id="settings-${section.id}" aria-labelledby="settings-${section.id}-title">
  <h2 id="settings-${section.id}-title">${section.title}</h2>
  ${section.description ? html`<p class="muted">${section.description}</p>` : ''}
  ${failed ? formError(failed.error, failed.error.field ? [failed.error.field] : []) : ''}
  <form method="post" action="/admin/settings/${section.id}" class="narrow-form">
    ${csrfField(csrf)}
    ${section.fields(values, failed?.error)}
    <p><button type="submit">Save ${section.title.toLowerCase()} settings</button></p>
  </form>
  ${statuses[index] ?? ''}
</section>`;
  })}`;
}

/** /admin/settings: one form per settings group, admins only; each saves its group on its own. */
export const settingsRoutes: FastifyPluginAsync<Options> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  app.addHook('preHandler', deps.guard.admins);

  async function show(request: FastifyRequest, reply: FastifyReply, notice?: string, failure?: Failure, status = 200) {
    const settings = await deps.settings.get();
    const csrf = deps.guard.csrfToken(request, reply);
    const statuses = await Promise.all(deps.sections.map((section) => section.status?.(csrf)));
    const body = settingsPage(deps.sections, statuses, settings, csrf, notice, failure);
    return reply.code(status).type('text/html; charset=utf-8').send(adminPage({ title: 'Settings', section: 'settings', settings, viewer: request.viewer, csrf, body, scripts: ['copy.js'] }).value);
  }

  app.get(
    '/admin/settings',
    { schema: { querystring: { type: 'object', properties: { saved: { type: 'string', maxLength: 40 } } } } },
    async (request, reply) => {
      const section = deps.sections.find((candidate) => candidate.id === request.query.saved);
      return show(request, reply, section ? `${section.title} settings saved.` : undefined);
    },
  );

  app.post(
    '/admin/settings/:id',
    {
      schema: {
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 40 } } },
        body: { type: 'object', additionalProperties: { type: 'string', maxLength: 20_000 } },
      },
    },
    async (request, reply) => {
      const section = deps.sections.find((candidate) => candidate.id === request.params.id);
      if (!section) throw settingsErrors.raise('SETTINGS_SECTION_UNKNOWN');
      const values: FormValues = request.body;
      try {
        await deps.settings.update(section.group, await section.parse(values));
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 400 || !isFormPost(request)) throw error;
        return show(request, reply, undefined, { sectionId: section.id, values, error: { field: error.field, message: error.message } }, 400);
      }
      return reply.redirect(`/admin/settings?saved=${section.id}#settings-${section.id}`, 303);
    },
  );
};
