import type { Role } from '../db/schema.js';
import type { SiteSettings } from '../settings/index.js';
import { formatDate } from '../web/dates.js';
import { html } from '../web/html.js';
import { csrfField, flash, formError, selectField, textField, type FormError } from '../web/admin/form.js';
import { invitesSection, ROLE_CHOICES, type InvitesInput } from './users-invites-page.js';

export interface StaffRow {
  id: string;
  email: string | null;
  display_name: string;
  role: Role;
  status: string;
  created_at: string;
}

export interface UsersPageInput {
  staff: StaffRow[];
  viewerId: string;
  settings: SiteSettings;
  csrf: string;
  notice?: string;
  /** A refused add (with what was typed) or a refused change on one row. */
  addValues?: { email: string; displayName: string; role: string };
  addError?: FormError;
  rowError?: { userId: string; message: string };
  invites: Omit<InvitesInput, 'settings' | 'csrf'>;
}

const ROLE_NAMES: Record<string, string> = { admin: 'Admin', editor: 'Editor', moderator: 'Moderator' };

export function usersPage(input: UsersPageInput) {
  const add = input.addValues ?? { email: '', displayName: '', role: 'editor' };
  const error = input.addError;
  return html`<div class="admin-title"><h1>Staff</h1></div>
${flash(input.notice)}
<div class="table-wrap"><table class="admin-table">
  <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Since</th><th scope="col"><span class="visually-hidden">Sign out and remove</span></th></tr></thead>
  <tbody>${input.staff.map((user) => html`<tr id="user-${user.id}">
    <td><a href="/authors/${user.id}">${user.display_name}</a>${user.id === input.viewerId ? html` <span class="muted small">(you)</span>` : ''}</td>
    <td>${user.email ?? ''}</td>
    <td>
      <form method="post" action="/admin/users/${user.id}/role" class="inline-row">
        ${csrfField(input.csrf)}
        <label class="visually-hidden" for="role-${user.id}">Role of ${user.display_name}</label>
        <select id="role-${user.id}" name="role">${['admin', 'editor', 'moderator'].map((role) => html`<option value="${role}"${role === user.role ? html` selected` : ''}>${ROLE_NAMES[role]}</option>`)}</select>
        <button type="submit" class="button--quiet button--small">Change</button>
      </form>
      ${input.rowError?.userId === user.id ? html`<p class="form-error" role="alert">${input.rowError.message}</p>` : ''}
    </td>
    <td>${formatDate(user.created_at, input.settings.site)}</td>
    <td>
      <form method="post" action="/admin/users/${user.id}/sign-out" class="inline-row">
        ${csrfField(input.csrf)}
        <button type="submit" class="button--quiet button--small">Sign out everywhere<span class="visually-hidden">: ${user.display_name}</span></button>
      </form>
      ${user.id === input.viewerId ? '' : html`<details class="danger-zone danger-zone--inline"><summary>Reset two-factor</summary>
        <form method="post" action="/admin/users/${user.id}/reset-two-factor">
          ${csrfField(input.csrf)}
          <p>For someone who lost their authenticator and recovery codes: their app, passkeys and codes are removed and they are signed out. Check who is asking first.</p>
          <button type="submit">Reset two-factor for ${user.display_name}</button>
        </form>
      </details>`}
      <details class="danger-zone danger-zone--inline"><summary>Remove</summary>
        <form method="post" action="/admin/users/${user.id}/remove">
          ${csrfField(input.csrf)}
          <p>${user.display_name} will be signed out and can no longer sign in. Their published stories keep their byline.</p>
          <button type="submit">Remove ${user.display_name}</button>
        </form>
      </details>
    </td>
  </tr>`)}</tbody>
</table></div>
${invitesSection({ ...input.invites, settings: input.settings, csrf: input.csrf })}
<details class="card narrow-form"${error ? html` open` : ''}>
  <summary>Add a staff member with a password instead</summary>
  <p class="muted">For someone email cannot reach. Prefer an invitation: then nobody but them ever knows their password.</p>
  ${formError(error, ['email', 'displayName', 'role', 'password'])}
  <form method="post" action="/admin/users">
    ${csrfField(input.csrf)}
    ${textField({ name: 'email', label: 'Email', type: 'email', value: add.email, error, required: true, attrs: html` autocomplete="off"` })}
    ${textField({ name: 'displayName', label: 'Name', value: add.displayName, error, hint: 'As shown in bylines.', attrs: html` maxlength="100"` })}
    ${selectField({ name: 'role', label: 'Role', value: add.role, error, choices: ROLE_CHOICES })}
    ${textField({ name: 'password', label: 'Password', type: 'password', value: '', error, required: true, hint: 'At least 10 characters; give it to them privately.', attrs: html` autocomplete="new-password" minlength="10"` })}
    <p><button type="submit">Add</button></p>
  </form>
</details>`;
}
