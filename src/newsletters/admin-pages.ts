import type { SiteSettings } from '../settings/index.js';
import { checkbox, csrfField, fieldError, formError, selectField, textArea, textField, type FormError } from '../web/admin/index.js';
import { formatShortDateTime } from '../web/dates.js';
import { html, type Html } from '../web/html.js';
import type { SendProgress, SendRow } from './sends.js';
import type { Engagement } from './tracking.js';
import type { Newsletter } from './types.js';

export interface ArticleChoice {
  id: string;
  title: string;
  status: string;
  publishedAt: string | null;
}

const number = (value: number) => value.toLocaleString('en-US');

export function progressLine(progress: SendProgress): string {
  return `${number(progress.sent)} of ${number(progress.total)} sent`;
}

function statusLabel(send: SendRow): string {
  if (send.status === 'scheduled') return send.send_after ? 'Scheduled' : 'Waiting for the article to be published';
  return { draft: 'Draft', sending: 'Sending', done: 'Sent', cancelled: 'Stopped' }[send.status] ?? send.status;
}

export function newslettersAdminPage(options: {
  csrf: string;
  canManage: boolean;
  newsletters: Newsletter[];
  counts: Map<string, number>;
  sends: SendRow[];
  progress: Map<string, SendProgress>;
  settings: SiteSettings;
  error?: FormError;
}): Html {
  const byId = new Map(options.newsletters.map((newsletter) => [newsletter.id, newsletter]));
  return html`<h1>Newsletters</h1>
${options.settings.newsletters.trackOpensAndClicks
    ? html`<p class="notice">Opens and clicks are counted for sends started while counting is on (each recipient's first open and first click, with its time, nothing else). <a href="/admin/settings#settings-newsletters">Turn it off in the settings</a>.</p>`
    : html`<p class="notice">Tribune does not track opens or clicks: no pixels, no redirected links. You see what was sent, what failed and who unsubscribed. The owner can turn counting on in the settings.</p>`}
<p><a class="button" href="/admin/newsletters/compose">Write a newsletter</a></p>
<h2>Sends</h2>
${options.sends.length === 0 ? html`<p>Nothing sent yet.</p>` : html`<table class="admin-table">
  <thead><tr><th>Subject</th><th>Newsletter</th><th>Status</th><th>Progress</th><th>Failed</th><th>Bounced</th><th>Unsubscribed</th></tr></thead>
  <tbody>${options.sends.map((send) => {
    const progress = options.progress.get(send.id)!;
    return html`<tr>
      <td><a href="/admin/newsletters/sends/${send.id}">${send.subject}</a></td>
      <td>${byId.get(send.newsletter_id)?.name ?? ''}</td>
      <td>${statusLabel(send)}</td>
      <td>${send.status === 'draft' || send.status === 'scheduled' ? '' : progressLine(progress)}</td>
      <td>${number(progress.failed)}</td><td>${number(progress.bounced)}</td><td>${number(progress.unsubscribed)}</td>
    </tr>`;
  })}</tbody>
</table>`}
<h2>Lists</h2>
<table class="admin-table">
  <thead><tr><th>Name</th><th>Address</th><th>Subscribers</th>${options.canManage ? html`<th></th>` : ''}</tr></thead>
  <tbody>${options.newsletters.map((newsletter) => html`<tr>
    <td>${newsletter.name}${newsletter.archived ? ' (archived)' : ''}<br><span class="field-hint">${newsletter.description}</span></td>
    <td>${newsletter.slug}</td>
    <td>${number(options.counts.get(newsletter.id) ?? 0)}</td>
    ${options.canManage ? html`<td><form method="post" action="/admin/newsletters/${newsletter.id}/archive">${csrfField(options.csrf)}<input type="hidden" name="archived" value="${newsletter.archived ? '0' : '1'}"><button type="submit" class="button--secondary">${newsletter.archived ? 'Reopen' : 'Archive'}</button></form></td>` : ''}
  </tr>`)}</tbody>
</table>
${options.canManage ? html`<h2>New newsletter</h2>
<form method="post" action="/admin/newsletters">
  ${csrfField(options.csrf)}
  ${formError(options.error, ['name', 'slug', 'description'])}
  ${textField({ name: 'name', label: 'Name', value: '', required: true, error: options.error, hint: 'e.g. Daily brief' })}
  ${textField({ name: 'slug', label: 'Address', value: '', error: options.error, hint: 'Letters, digits and dashes; empty = from the name.' })}
  ${textField({ name: 'description', label: 'Description', value: '', error: options.error, hint: 'What readers get and how often.' })}
  <button type="submit">Create newsletter</button>
</form>
<h2>Subscribers</h2>
<p><a href="/admin/newsletters/subscribers.csv">Export subscribers (CSV)</a>. Import a Mailchimp or Substack export with <code>tribune import subscribers FILE.csv</code>.</p>` : ''}`;
}

export interface ComposeValues {
  newsletterId: string;
  kind: string;
  articleIds: string[];
  subject: string;
  intro: string;
}

export function composeForm(options: { csrf: string; action: string; newsletters: Newsletter[]; articles: ArticleChoice[]; values: ComposeValues; error?: FormError; settings: SiteSettings; submitLabel: string }): Html {
  const chosen = new Set(options.values.articleIds);
  return html`<form method="post" action="${options.action}" class="newsletter-compose">
  ${csrfField(options.csrf)}
  ${formError(options.error, ['newsletterId', 'kind', 'articleIds', 'subject', 'intro'])}
  ${selectField({ name: 'newsletterId', label: 'Newsletter', value: options.values.newsletterId, choices: options.newsletters.map((newsletter) => ({ value: newsletter.id, label: newsletter.name })), error: options.error })}
  ${selectField({ name: 'kind', label: 'Kind', value: options.values.kind, choices: [{ value: 'article', label: 'One article, in full' }, { value: 'digest', label: 'A digest of several articles' }], error: options.error })}
  <fieldset class="field"><legend>Articles</legend>
    ${fieldError(options.error, 'articleIds')}
    ${options.articles.map((article) => checkbox({
      name: 'articleIds',
      value: article.id,
      label: `${article.title}${article.status === 'published' ? '' : ` (${article.status}${article.publishedAt ? `, ${formatShortDateTime(article.publishedAt, options.settings.site)}` : ''})`}`,
      checked: chosen.has(article.id),
    }))}
  </fieldset>
  ${textField({ name: 'subject', label: 'Subject', value: options.values.subject, error: options.error, hint: 'Empty = the first article’s title.' })}
  ${textArea({ name: 'intro', label: 'Introduction', value: options.values.intro, error: options.error, rows: 4, hint: 'Optional, plain text above the articles.' })}
  <button type="submit">${options.submitLabel}</button>
</form>`;
}

export function sendPage(options: {
  csrf: string;
  send: SendRow;
  newsletter: Newsletter | undefined;
  progress: SendProgress;
  /** Unique opens and clicks; undefined when the send was not tracked. */
  engagement?: Engagement;
  compose: Html | null;
  viewerEmail: string | null;
  settings: SiteSettings;
  notice?: string;
}): Html {
  const { send, progress } = options;
  const percent = progress.total > 0 ? Math.floor((progress.sent / progress.total) * 100) : 0;
  return html`<h1>${send.subject}</h1>
<p>${options.newsletter?.name ?? ''} · ${statusLabel(send)}${send.send_after && send.status === 'scheduled' ? html` · ${formatShortDateTime(send.send_after, options.settings.site)}` : ''}</p>
${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}
${send.status === 'sending' || send.status === 'done' || send.status === 'cancelled' ? html`<section class="send-progress" aria-live="polite" data-send-progress="${send.id}">
  <p class="send-progress__line"><strong data-progress-line>${progressLine(progress)}</strong></p>
  <progress max="100" value="${percent}">${percent}%</progress>
  <dl class="send-progress__counts">
    <dt>Waiting</dt><dd data-progress-queued>${number(progress.queued)}</dd>
    <dt>Failed</dt><dd>${number(progress.failed)}</dd>
    <dt>Bounced (unsubscribed)</dt><dd>${number(progress.bounced)}</dd>
    <dt>Skipped (left the list meanwhile)</dt><dd>${number(progress.skipped)}</dd>
    <dt>Unsubscribed from this mail</dt><dd>${number(progress.unsubscribed)}</dd>
    ${options.engagement ? html`<dt>Opened (recipients)</dt><dd data-progress-opened>${number(options.engagement.opened)}</dd>
    <dt>Clicked a link (recipients)</dt><dd data-progress-clicked>${number(options.engagement.clicked)}</dd>` : html`<dt>Opens and clicks</dt><dd>Not counted</dd>`}
  </dl>
  ${send.status === 'sending' ? html`<p class="field-hint">This page refreshes every 5 seconds while sending.</p>
  <form method="post" action="/admin/newsletters/sends/${send.id}/cancel">${csrfField(options.csrf)}<button type="submit" class="button--secondary">Stop sending</button></form>` : ''}
</section>` : ''}
${send.status === 'draft' ? html`<h2>Test</h2>
<form method="post" action="/admin/newsletters/sends/${send.id}/test">${csrfField(options.csrf)}<button type="submit" class="button--secondary">Send a test to ${options.viewerEmail ?? 'me'}</button></form>
<h2>Send</h2>
<form method="post" action="/admin/newsletters/sends/${send.id}/schedule">
  ${csrfField(options.csrf)}
  <fieldset class="field"><legend>When</legend>
    <label><input type="radio" name="when" value="now" checked> Now (articles not yet published wait for publication)</label><br>
    <label><input type="radio" name="when" value="with-article"> When its articles are published</label><br>
    <label><input type="radio" name="when" value="at"> At</label>
    <input type="datetime-local" name="at" aria-label="Send at (${options.settings.site.timeZone})">
  </fieldset>
  <button type="submit">Send to subscribers</button>
</form>` : ''}
${send.status === 'scheduled' ? html`<form method="post" action="/admin/newsletters/sends/${send.id}/cancel">${csrfField(options.csrf)}<button type="submit" class="button--secondary">Unschedule (back to draft)</button></form>` : ''}
<h2>Preview</h2>
<iframe class="newsletter-preview" title="Email preview" src="/admin/newsletters/sends/${send.id}/preview" sandbox="" style="width:100%;min-height:640px;border:1px solid #ccc;"></iframe>
<p><a href="/admin/newsletters/sends/${send.id}/preview.txt">Plain-text part</a></p>
${send.status === 'draft' ? html`<h2>Edit</h2>
${options.compose}` : ''}`;
}
