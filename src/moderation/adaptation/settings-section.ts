import type { FastifyPluginAsync } from 'fastify';
import { requireRole } from '../../accounts/index.js';
import type { Deps } from '../../runtime.js';
import type { SiteSettings } from '../../settings/index.js';
import { checkbox, csrfField, type SettingsSection } from '../../web/admin/index.js';
import { formatDateTime } from '../../web/dates.js';
import { html, type Html } from '../../web/html.js';
import { MIN_DECISIONS } from './learn.js';
import { lastNightlyRun } from './nightly.js';
import { FIGURE_ROWS } from './report.js';
import type { AdaptationStatus, SiteAdaptation } from './store.js';

type SectionDeps = Pick<Deps, 'db' | 'settings'> & { adaptation: SiteAdaptation };

export const RESET_PATH = '/admin/settings/learning/reset';
const SOURCES: Record<string, Html> = { cli: html`<code>tribune moderate learn</code>`, nightly: html`the nightly run` };
const OUTCOMES: Record<string, string> = {
  stored: 'learned and stored', kept: 'not stored (no better than before)', refused: 'refused', failed: 'failed',
};

function learned(status: AdaptationStatus, site: SiteSettings['site'], csrf: string): Html {
  const { report } = status;
  return html`<h3>What was learned</h3>
  <p id="learning-summary">Learned from <strong>${report.fitted}</strong> moderator decisions on ${formatDateTime(status.fittedAt, site)}
  by ${SOURCES[status.source] ?? status.source}, and measured on the ${report.heldOut} most recent decisions, which it did not learn from
  (${report.approvals} approved or kept and ${report.removals} rejected or removed in all).</p>
  ${status.current ? '' : html`<p class="notice notice--error" role="status">The shipped moderation model has changed since, so this is not applied; learn again to fit it to the new model.</p>`}
  <div class="table-wrap"><table class="admin-table" id="learning-figures">
    <thead><tr><th scope="col">On the ${report.heldOut} most recent decisions</th><th scope="col">Shipped model</th><th scope="col">With what was learned</th></tr></thead>
    <tbody>${FIGURE_ROWS.map((row) => html`<tr><th scope="row">${row.label}</th><td>${row.value(report.before)}</td><td>${row.value(report.after)}</td></tr>`)}</tbody>
  </table></div>
  <form method="post" action="${RESET_PATH}" class="narrow-form">
    ${csrfField(csrf)}
    <p><button type="submit" class="button--quiet">Reset what was learned</button>
    <span class="field-hint">New comments get the shipped model's scores again. Nightly learning, if on, learns again tonight.</span></p>
  </form>`;
}

/** /admin/settings → Learning from moderators: apply on/off, nightly opt-in, what was learned, reset. */
export function learningSettingsSection(deps: SectionDeps): SettingsSection {
  return {
    id: 'learning',
    group: 'moderation',
    title: 'Learning from moderators',
    description:
      'Every approval and rejection of a held or reported comment, and every removal of a published one, shows this site’s standard. ' +
      'Tribune can learn a small adjustment of its moderation model from those decisions (never from its own unreviewed holds).',
    toForm: ({ moderation }) => ({
      learnFromModerators: moderation.learnFromModerators ? '1' : undefined,
      learnNightly: moderation.learnNightly ? '1' : undefined,
    }),
    fields: (values) => html`
    ${checkbox({ name: 'learnFromModerators', label: 'Apply what was learned to new comments', checked: values.learnFromModerators !== undefined, hint: 'Off: every comment gets the shipped model’s scores; what was learned is kept.' })}
    ${checkbox({ name: 'learnNightly', label: 'Learn again every night', checked: values.learnNightly !== undefined, hint: `After 3 a.m. site time, once across all instances, when there are at least ${MIN_DECISIONS} decisions.` })}`,
    parse: (values) => ({ learnFromModerators: values.learnFromModerators !== undefined, learnNightly: values.learnNightly !== undefined }),
    async status(csrf) {
      const [{ site }, status, night] = await Promise.all([deps.settings.get(), deps.adaptation.status(), lastNightlyRun(deps)]);
      const nightly = night
        ? html`<p id="learning-nightly">Last nightly run, ${formatDateTime(night.started_at, site)}: ${night.outcome ? (OUTCOMES[night.outcome] ?? night.outcome) : 'still running'}${night.message ? html` — ${night.message}` : ''}</p>`
        : '';
      const body = status
        ? learned(status, site, csrf)
        : html`<p id="learning-summary">Nothing has been learned yet. Once moderators have made at least ${MIN_DECISIONS} decisions, run
  <code>tribune moderate learn</code> on the server or turn on nightly learning.</p>`;
      return html`<div class="learning-status">${body}${nightly}</div>`;
    },
  };
}

/** POST /admin/settings/learning/reset: admins only, CSRF-checked like every form. */
export const learningRoutes: FastifyPluginAsync<{ adaptation: SiteAdaptation }> = async (app, options) => {
  app.post(
    RESET_PATH,
    {
      preHandler: requireRole('admin'),
      schema: { body: { type: 'object', properties: { _csrf: { type: 'string', maxLength: 200 } } } },
    },
    async (request, reply) => {
      const deleted = await options.adaptation.reset();
      if ((request.headers.accept ?? '').includes('application/json')) return { ok: true, deleted };
      return reply.redirect('/admin/settings#settings-learning', 303);
    },
  );
};
