import type { PendingInvite } from './invites.js';
import type { SiteSettings } from '../settings/index.js';
import { formatShortDateTime } from '../web/dates.js';
import { html } from '../web/html.js';
import { csrfField, formError, selectField, textField, type FormError } from '../web/admin/form.js';

export const ROLE_CHOICES = [
  { value: 'editor', label: 'Editor: writes and publishes articles, manages topics' },
  { value: 'moderator', label: 'Moderator: reviews comments' },
  { value: 'admin', label: 'Admin: everything, including staff and settings' },
];
const ROLE_NAMES: Record<string, string> = { admin: 'Admin', editor: 'Editor', moderator: 'Moderator' };

export interface InvitesInput {
  invites: PendingInvite[];
  settings: SiteSettings;
  csrf: string;
  values?: { email: string; displayName: string; role: string };
  error?: FormError;
  rowError?: { inviteId: string; message: string };
}

/** The staff screen's invitations: the invite form and the invitations still waiting, to resend or withdraw. */
export function invitesSection(input: InvitesInput) {
  const values = input.values ?? { email: '', displayName: '', role: 'editor' };
  const error = input.error;
  const site = input.settings.site;
  return html`<section class="card narrow-form" aria-labelledby="invite-title">
  <h2 id="invite-title">Invite a staff member</h2>
  <p class="muted">They get an email with a link, valid for 7 days, to choose their own password.</p>
  ${formError(error, ['email', 'displayName', 'role'])}
  <form method="post" action="/admin/users/invites">
    ${csrfField(input.csrf)}
    ${textField({ id: 'invite-email', name: 'email', label: 'Email', type: 'email', value: values.email, error, required: true, attrs: html` autocomplete="off" maxlength="254"` })}
    ${textField({ id: 'invite-name', name: 'displayName', label: 'Name', value: values.displayName, error, hint: 'Optional; they can change it.', attrs: html` maxlength="100"` })}
    ${selectField({ id: 'invite-role', name: 'role', label: 'Role', value: values.role, error, choices: ROLE_CHOICES })}
    <p><button type="submit">Invite</button></p>
  </form>
</section>
${input.invites.length === 0 ? '' : html`<section aria-labelledby="pending-title">
  <h2 id="pending-title">Waiting for an answer</h2>
  <div class="table-wrap"><table class="admin-table" id="pending-invites">
    <thead><tr><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Sent</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
    <tbody>${input.invites.map((invite) => html`<tr id="invite-${invite.id}">
      <td>${invite.email}${invite.displayName ? html` <span class="muted small">(${invite.displayName})</span>` : ''}</td>
      <td>${ROLE_NAMES[invite.role] ?? invite.role}</td>
      <td>${formatShortDateTime(invite.sentAt, site)}${invite.expired ? html` <strong class="small">expired</strong>` : ''}</td>
      <td class="inline-row">
        <form method="post" action="/admin/users/invites/${invite.id}/resend">${csrfField(input.csrf)}<button type="submit" class="button--quiet button--small">Resend<span class="visually-hidden"> to ${invite.email}</span></button></form>
        <form method="post" action="/admin/users/invites/${invite.id}/revoke">${csrfField(input.csrf)}<button type="submit" class="button--quiet button--small">Withdraw<span class="visually-hidden"> the invitation to ${invite.email}</span></button></form>
        ${input.rowError?.inviteId === invite.id ? html`<p class="form-error" role="alert">${input.rowError.message}</p>` : ''}
      </td>
    </tr>`)}</tbody>
  </table></div>
</section>`}`;
}
