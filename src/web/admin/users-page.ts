import type { Role } from '../../db/schema.js';
import type { SiteSettings } from '../../settings/index.js';
import { formatDate } from '../dates.js';
import { html } from '../html.js';
import { csrfField, flash, formError, selectField, textField, type FormError } from './form.js';

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
}

const ROLE_CHOICES = [
  { value: 'editor', label: 'Editor: writes and publishes articles, manages topics' },
  { value: 'moderator', label: 'Moderator: reviews comments' },
  { value: 'admin', label: 'Admin: everything, including staff and settings' },
];
const ROLE_NAMES: Record<string, string> = { admin: 'Admin', editor: 'Editor', moderator: 'Moderator' };

export function usersPage(input: UsersPageInput) {
  const add = input.addValues ?? { email: '', displayName: '', role: 'editor' };
  const error = input.addError;
  return html`<div class="admin-title"><h1>Staff</h1></div>
${flash(input.notice)}
<div class="table-wrap"><table class="admin-table">
  <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Since</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>
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
<section class="card narrow-form">
  <h2>Add a staff member</h2>
  ${formError(error, ['email', 'displayName', 'role', 'password'])}
  <form method="post" action="/admin/users">
    ${csrfField(input.csrf)}
    ${textField({ name: 'email', label: 'Email', type: 'email', value: add.email, error, required: true, attrs: html` autocomplete="off"` })}
    ${textField({ name: 'displayName', label: 'Name', value: add.displayName, error, hint: 'As shown in bylines.', attrs: html` maxlength="100"` })}
    ${selectField({ name: 'role', label: 'Role', value: add.role, error, choices: ROLE_CHOICES })}
    ${textField({ name: 'password', label: 'Password', type: 'password', value: '', error, required: true, hint: 'At least 10 characters; give it to them privately.', attrs: html` autocomplete="new-password" minlength="10"` })}
    <p><button type="submit">Add</button></p>
  </form>
</section>`;
}
