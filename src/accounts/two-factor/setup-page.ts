import type { SiteSettings } from '../../settings/index.js';
import { formatDate } from '../../web/dates.js';
import { html, type Html } from '../../web/html.js';
import { csrfField, flash, formError, textField, type FormError } from '../../web/admin/form.js';
import { TWO_FACTOR_SETUP_PATH } from './paths.js';
import type { TwoFactorStatus } from './service.js';
import { groupedSecret } from './totp.js';

export interface SetupPageInput {
  csrf: string;
  site: SiteSettings['site'];
  status: TwoFactorStatus;
  /** The site requires a second factor for staff. */
  required: boolean;
  /** Where to go on once set up (the page the guard interrupted). */
  next: string | null;
  enrolment: { secret: string; qr: Html } | null;
  /** Fresh recovery codes: shown once, in the response that made them. */
  recoveryCodes?: string[];
  notice?: string;
  error?: FormError & { form: 'totp' | 'recovery' | 'passkey' | `passkey:${string}` };
}

const P = TWO_FACTOR_SETUP_PATH;

function nextField(next: string | null): Html {
  return next ? html`<input type="hidden" name="next" value="${next}">` : html``;
}

/** Password or current code: what removing a factor asks for, so a borrowed session cannot strip it. */
function proofField(input: SetupPageInput, form: string, id: string): Html {
  const error = input.error?.form === form ? input.error : undefined;
  const hint = input.status.totp === 'on' ? 'Your password, or a current code from your authenticator app.' : 'Your password.';
  return textField({ name: 'proof', id, label: 'Confirm it is you', type: 'password', value: '', error, hint, required: true, attrs: html` autocomplete="current-password" maxlength="1000"` });
}

function errorFor(input: SetupPageInput, form: string): Html {
  const error = input.error?.form === form ? input.error : undefined;
  return formError(error, ['proof', 'code', 'name']);
}

function recoveryCodesBox(input: SetupPageInput): Html {
  if (!input.recoveryCodes) return html``;
  return html`<section class="card two-factor-codes" aria-labelledby="recovery-codes-title" data-recovery-codes>
  <h2 id="recovery-codes-title">Save your recovery codes</h2>
  <p>Each code signs you in once if you lose your phone or passkey. Keep them somewhere safe, such as a password manager. <strong>They are shown only now.</strong></p>
  <ol class="two-factor-codes__list">${input.recoveryCodes.map((code) => html`<li><code>${code}</code></li>`)}</ol>
  ${input.next ? html`<p><a class="button" href="${input.next}">I saved them, continue</a></p>` : ''}
</section>`;
}

function totpBox(input: SetupPageInput): Html {
  const { status, enrolment } = input;
  if (status.totp === 'on') {
    return html`<p>On since ${formatDate(status.totpSince ?? '', input.site)}.</p>
  <details class="danger-zone danger-zone--inline"${input.error?.form === 'totp' ? html` open` : ''}><summary>Remove the authenticator app</summary>
    ${errorFor(input, 'totp')}
    <form method="post" action="${P}/totp/delete">
      ${csrfField(input.csrf)}
      ${proofField(input, 'totp', 'proof-totp')}
      <button type="submit">Remove authenticator app</button>
    </form>
  </details>`;
  }
  if (enrolment) {
    return html`<ol class="two-factor-steps">
    <li>Scan this code with an authenticator app (1Password, Google Authenticator, Aegis, Authy…).
      <div class="two-factor-qr">${enrolment.qr}</div>
      <p>Cannot scan it? Enter this key instead: <code class="two-factor-secret" data-totp-secret>${groupedSecret(enrolment.secret)}</code></p></li>
    <li>Enter the six-digit code the app shows.
      ${errorFor(input, 'totp')}
      <form method="post" action="${P}/totp/confirm" class="narrow-form">
        ${csrfField(input.csrf)}${nextField(input.next)}
        ${textField({ name: 'code', id: 'totp-code', label: 'Code from the app', value: '', error: input.error?.form === 'totp' ? input.error : undefined, required: true, attrs: html` inputmode="numeric" autocomplete="one-time-code" maxlength="9"` })}
        <p><button type="submit">Turn on</button></p>
      </form></li>
  </ol>
  <form method="post" action="${P}/totp/delete" class="inline-form">${csrfField(input.csrf)}<button type="submit" class="link-button">Cancel setup</button></form>`;
  }
  return html`<p class="muted">Codes from an app on your phone, which change every 30 seconds.</p>
  <form method="post" action="${P}/totp">${csrfField(input.csrf)}${nextField(input.next)}<button type="submit">Set up an authenticator app</button></form>`;
}

function passkeysBox(input: SetupPageInput): Html {
  const { passkeys } = input.status;
  const addError = input.error?.form === 'passkey' ? input.error : undefined;
  return html`${passkeys.length === 0 ? html`<p class="muted">A passkey signs in with your fingerprint, face, screen lock or a security key.</p>` : html`<ul class="two-factor-passkeys">
    ${passkeys.map((passkey) => html`<li data-passkey="${passkey.name}">
      <strong>${passkey.name}</strong>
      <span class="muted">added ${formatDate(passkey.createdAt, input.site)}${passkey.lastUsedAt ? html`, last used ${formatDate(passkey.lastUsedAt, input.site)}` : ', not used yet'}</span>
      <details class="danger-zone danger-zone--inline"${input.error?.form === `passkey:${passkey.id}` ? html` open` : ''}><summary>Remove</summary>
        ${errorFor(input, `passkey:${passkey.id}`)}
        <form method="post" action="${P}/passkeys/${passkey.id}/delete">
          ${csrfField(input.csrf)}
          ${proofField(input, `passkey:${passkey.id}`, `proof-passkey-${passkey.id}`)}
          <button type="submit">Remove ${passkey.name}</button>
        </form>
      </details>
    </li>`)}
  </ul>`}
  <form class="narrow-form" data-passkey-register${input.next ? html` data-next="${input.next}"` : ''}>
    ${formError(addError, ['name'])}
    ${textField({ name: 'name', id: 'passkey-name', label: 'Name of the new passkey', value: '', error: addError, hint: 'e.g. “Work laptop” or “Blue security key”.', required: true, attrs: html` maxlength="60" autocomplete="off"` })}
    <p><button type="submit">Add a passkey</button></p>
    <p class="muted" data-passkey-status role="status" aria-live="polite"></p>
    <noscript><p class="muted">Adding a passkey needs JavaScript.</p></noscript>
  </form>`;
}

function recoveryBox(input: SetupPageInput): Html {
  if (!input.status.enabled) return html``;
  return html`<section class="card" aria-labelledby="recovery-title">
  <h2 id="recovery-title">Recovery codes</h2>
  <p>${input.status.recoveryCodesLeft} of 10 left.${input.status.recoveryCodesLeft <= 3 ? ' Make new ones before you run out.' : ''}</p>
  <details class="danger-zone danger-zone--inline"${input.error?.form === 'recovery' ? html` open` : ''}><summary>Make new recovery codes</summary>
    ${errorFor(input, 'recovery')}
    <form method="post" action="${P}/recovery-codes">
      ${csrfField(input.csrf)}
      <p>The old codes stop working.</p>
      ${proofField(input, 'recovery', 'proof-recovery')}
      <button type="submit">Make new codes</button>
    </form>
  </details>
</section>`;
}

/** The staff member's own two-factor settings: authenticator app, passkeys, recovery codes. */
export function setupPage(input: SetupPageInput): Html {
  const { status } = input;
  return html`<div class="admin-title"><h1>Two-factor sign-in</h1></div>
${flash(input.notice)}
${input.required && !status.enabled ? html`<p class="notice" role="alert">This site requires two-factor sign-in for staff. Set up an authenticator app or a passkey to continue.</p>` : ''}
<p>Two-factor sign-in is <strong data-two-factor-state>${status.enabled ? 'on' : 'off'}</strong>. ${status.enabled ? 'After your password, you confirm each sign-in with one of the methods below.' : 'Add a second step to your password, so a stolen password alone cannot open your account.'}</p>
${status.enabled && input.next && !input.recoveryCodes ? html`<p><a class="button" href="${input.next}">Continue</a></p>` : ''}
${recoveryCodesBox(input)}
<section class="card" aria-labelledby="totp-title">
  <h2 id="totp-title">Authenticator app</h2>
  ${totpBox(input)}
</section>
<section class="card" aria-labelledby="passkeys-title">
  <h2 id="passkeys-title">Passkeys</h2>
  ${passkeysBox(input)}
</section>
${recoveryBox(input)}`;
}
