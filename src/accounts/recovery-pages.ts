import { html, type Html } from '../web/html.js';

/** Forms reached from a mail or from "Forgot password?": resetting a password, accepting an invitation. */

function notice(message?: string, kind: 'ok' | 'error' = 'error'): Html {
  if (!message) return html``;
  return kind === 'error' ? html`<p class="notice notice--error" role="alert">${message}</p>` : html`<p class="notice notice--ok" role="status">${message}</p>`;
}

function newPasswordFields(options: { label: string }): Html {
  return html`<label for="password">${options.label} <span class="field-hint">at least 10 characters</span></label>
    <input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="1000">
    <label for="passwordConfirm">Repeat it</label>
    <input id="passwordConfirm" name="passwordConfirm" type="password" autocomplete="new-password" required minlength="10" maxlength="1000">`;
}

export function forgotPasswordForm(options: { csrf: string; sent?: boolean; error?: string; email?: string }): Html {
  return html`<section class="narrow-form">
  <h1>Forgot your password?</h1>
  ${options.sent
    ? notice('If this address belongs to a staff account, we have sent it a link to choose a new password. It works once, for 60 minutes.', 'ok')
    : html`<p class="muted">For editors, moderators and admins. Enter your email and we send you a link to choose a new password.</p>`}
  ${notice(options.error)}
  <form method="post" action="/login/forgot">
    <input type="hidden" name="_csrf" value="${options.csrf}">
    <label for="email">Email</label>
    <input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${options.email ?? ''}">
    <p><button type="submit">Email me a reset link</button></p>
  </form>
  <p><a href="/login">Back to sign in</a></p>
</section>`;
}

export function resetPasswordForm(options: { csrf: string; token: string; email: string; error?: string }): Html {
  return html`<section class="narrow-form">
  <h1>Choose a new password</h1>
  <p class="muted">For ${options.email}. Every place you are signed in will be signed out.</p>
  ${notice(options.error)}
  <form method="post" action="/login/reset/${options.token}">
    <input type="hidden" name="_csrf" value="${options.csrf}">
    <input type="hidden" name="username" value="${options.email}" autocomplete="username">
    ${newPasswordFields({ label: 'New password' })}
    <p><button type="submit">Set the new password</button></p>
  </form>
</section>`;
}

export function acceptInviteForm(options: { csrf: string; token: string; email: string; role: string; displayName: string; error?: string }): Html {
  return html`<section class="narrow-form">
  <h1>Join the staff</h1>
  <p class="muted">You were invited as ${options.role} with ${options.email}. Choose the name for your byline and a password.</p>
  ${notice(options.error)}
  <form method="post" action="/invite/${options.token}">
    <input type="hidden" name="_csrf" value="${options.csrf}">
    <input type="hidden" name="username" value="${options.email}" autocomplete="username">
    <label for="displayName">Name <span class="field-hint">as shown in bylines</span></label>
    <input id="displayName" name="displayName" required maxlength="100" autocomplete="name" value="${options.displayName}">
    ${newPasswordFields({ label: 'Password' })}
    <p><button type="submit">Set password and sign in</button></p>
  </form>
</section>`;
}

export function linkProblemPage(heading: string, message: string, link: { href: string; label: string }): Html {
  return html`<section class="narrow-form">
  <h1>${heading}</h1>
  ${notice(message)}
  <p><a href="${link.href}">${link.label}</a></p>
</section>`;
}
