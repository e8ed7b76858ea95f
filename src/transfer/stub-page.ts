import type { SiteSettings } from '../settings/index.js';
import { formatShortDateTime } from '../web/dates.js';
import { html, type Html } from '../web/html.js';
import { csrfField, flash } from '../web/admin/form.js';
import type { ThreadStub } from './stubs.js';

export interface StubPageInput {
  stubs: ThreadStub[];
  csrf: string;
  settings: SiteSettings;
  notice?: string;
  /** A refused attach: which stand-in, what was typed, and why. */
  failed?: { id: string; target: string; message: string };
}

/**
 * Disqus threads whose page matched no article, each kept as a draft with its comments: one form per
 * thread gives its comments to the article they belong to.
 */
export function stubPage(input: StubPageInput): Html {
  return html`<div class="admin-title"><h1>Imported threads without an article</h1></div>
${flash(input.notice)}
<p>Each of these Disqus threads named a page that no article here matched, so its comments wait in a draft.
Name the article they belong to (its slug, its address here, or its old address) and they move there, threads whole;
the thread's old address then leads to that article.</p>
${input.stubs.length === 0
    ? html`<p class="empty">No imported thread is waiting.</p>`
    : html`<div class="table-wrap"><table class="admin-table">
  <thead><tr><th scope="col">Thread</th><th scope="col">Comments</th><th scope="col">Attach to</th></tr></thead>
  <tbody>${input.stubs.map((stub) => row(stub, input))}</tbody>
</table></div>`}`;
}

function row(stub: ThreadStub, input: StubPageInput): Html {
  const failed = input.failed?.id === stub.id ? input.failed : undefined;
  const field = `target-${stub.id}`;
  return html`<tr>
    <td><a href="/admin/articles/${stub.id}"><strong>${stub.title}</strong></a><br><span class="muted small">${stub.oldAddress ?? 'no address'} · ${formatShortDateTime(stub.createdAt, input.settings.site)}</span></td>
    <td>${stub.comments}</td>
    <td><form method="post" action="/admin/imported-threads/${stub.id}/attach" class="inline-form">
      ${csrfField(input.csrf)}
      <label class="visually-hidden" for="${field}">Article for “${stub.title}”</label>
      <input id="${field}" name="target" required maxlength="2000" value="${failed?.target ?? ''}" placeholder="slug or address"${failed ? html` aria-invalid="true" aria-describedby="${field}-error"` : ''}>
      <button type="submit">Attach</button>
      ${failed ? html`<p class="field-error" id="${field}-error">${failed.message}</p>` : ''}
    </form></td>
  </tr>`;
}
