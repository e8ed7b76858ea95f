import type { SiteSettings } from '../settings/index.js';
import { formatShortDateTime } from '../web/dates.js';
import { html } from '../web/html.js';
import type { SessionSummary } from './sessions.js';

export interface StaffAccountPageInput {
  email: string | null;
  displayName: string;
  role: string;
  sessions: SessionSummary[];
  settings: SiteSettings;
  csrf: string;
  notice?: string;
  error?: { field?: string; message: string };
}

const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

/** /admin/account: a staff member's own password and the places they are signed in. */
export function staffAccountPage(input: StaffAccountPageInput) {
  const site = input.settings.site;
  const others = input.sessions.filter((session) => !session.current).length;
  return html`<div class="admin-title"><h1>Your account</h1></div>
${input.notice ? html`<p class="notice notice--ok" role="status">${input.notice}</p>` : ''}
<p class="muted">Signed in as ${input.displayName} (${input.email ?? ''}), ${input.role}.</p>
<section class="card narrow-form" aria-labelledby="password-title">
  <h2 id="password-title">Change your password</h2>
  ${input.error ? html`<p class="notice notice--error" role="alert">${input.error.message}</p>` : ''}
  <form method="post" action="/admin/account/password">
    ${csrfField(input.csrf)}
    <input type="hidden" name="username" value="${input.email ?? ''}" autocomplete="username">
    <label for="currentPassword">Current password</label>
    <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required maxlength="1000">
    <label for="password">New password <span class="field-hint">at least 10 characters</span></label>
    <input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="1000">
    <label for="passwordConfirm">Repeat the new password</label>
    <input id="passwordConfirm" name="passwordConfirm" type="password" autocomplete="new-password" required minlength="10" maxlength="1000">
    <p class="muted small">Every other place you are signed in will be signed out.</p>
    <p><button type="submit">Change password</button></p>
  </form>
</section>
<section class="card" aria-labelledby="two-factor-title">
  <h2 id="two-factor-title">Two-factor sign-in</h2>
  <p>A second step after your password: a code from an authenticator app, or a passkey. <a href="/admin/account/two-factor">Manage two-factor sign-in</a></p>
</section>
<section aria-labelledby="sessions-title">
  <h2 id="sessions-title">Where you are signed in</h2>
  <div class="table-wrap"><table class="admin-table" id="sessions">
    <thead><tr><th scope="col">Browser</th><th scope="col">Signed in</th><th scope="col">Last seen</th><th scope="col"><span class="visually-hidden">Sign out</span></th></tr></thead>
    <tbody>${input.sessions.map((session) => html`<tr${session.current ? html` class="is-current"` : ''}>
      <td>${session.browser}${session.current ? html` <strong class="small">(this browser)</strong>` : ''}</td>
      <td>${formatShortDateTime(session.createdAt, site)}</td>
      <td>${formatShortDateTime(session.lastSeenAt, site)}</td>
      <td>${session.current ? '' : html`<form method="post" action="/admin/account/sessions/${session.handle}/revoke">${csrfField(input.csrf)}<button type="submit" class="button--quiet button--small">Sign out</button></form>`}</td>
    </tr>`)}</tbody>
  </table></div>
  ${others > 0 ? html`<form method="post" action="/admin/account/sessions/revoke-others">${csrfField(input.csrf)}<p><button type="submit" class="button--quiet">Sign out everywhere else (${others})</button></p></form>` : ''}
</section>`;
}
