import { html, type Html } from '../../web/html.js';
import { TWO_FACTOR_SIGN_IN_PATH } from './paths.js';

export interface SignInStepInput {
  csrf: string;
  methods: { totp: boolean; passkey: boolean };
  /** Show the recovery code form instead of the app code. */
  recovery: boolean;
  error?: string;
}

/** The second step of signing in: a code from the app, a passkey, or a recovery code. */
export function signInStepPage(input: SignInStepInput): Html {
  const { methods } = input;
  const showRecovery = input.recovery || (!methods.totp && !methods.passkey);
  return html`<section class="narrow-form two-factor-step">
  <h1>Two-step sign-in</h1>
  <p class="muted">Your password was right. Now confirm it is you with your second step.</p>
  ${input.error ? html`<p class="notice notice--error" role="alert">${input.error}</p>` : ''}
  ${methods.totp && !showRecovery ? html`<form method="post" action="${TWO_FACTOR_SIGN_IN_PATH}">
    <input type="hidden" name="_csrf" value="${input.csrf}">
    <label for="code">Code from your authenticator app</label>
    <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="9" required autofocus>
    <p><button type="submit">Verify</button></p>
  </form>` : ''}
  ${methods.passkey ? html`<div class="two-factor-passkey" data-passkey-sign-in>
    ${methods.totp && !showRecovery ? html`<p class="muted">or</p>` : ''}
    <p><button type="button" data-passkey-sign-in-button${methods.totp && !showRecovery ? html` class="button--quiet"` : ''}>Use a passkey</button></p>
    <p class="muted" data-passkey-status role="status" aria-live="polite"></p>
    <noscript><p class="muted">Passkeys need JavaScript.</p></noscript>
  </div>` : ''}
  ${showRecovery ? html`<form method="post" action="${TWO_FACTOR_SIGN_IN_PATH}/recovery">
    <input type="hidden" name="_csrf" value="${input.csrf}">
    <label for="recovery-code">Recovery code</label>
    <input id="recovery-code" name="code" type="text" autocomplete="off" autocapitalize="none" spellcheck="false" maxlength="40" required${methods.passkey ? '' : html` autofocus`}>
    <p><button type="submit">Use recovery code</button></p>
    ${methods.totp ? html`<p><a href="${TWO_FACTOR_SIGN_IN_PATH}">Use a code from the app instead</a></p>` : ''}
  </form>` : html`<p><a href="${TWO_FACTOR_SIGN_IN_PATH}?method=recovery">Use a recovery code</a></p>`}
  <p class="muted"><a href="/login">Start over</a></p>
</section>`;
}

/** When the pending sign-in is gone: expired, finished, used up, or never there. */
export function signInExpiredPage(message: string): Html {
  return html`<section class="narrow-form two-factor-step">
  <h1>Two-step sign-in</h1>
  <p class="notice notice--error" role="alert">${message}</p>
  <p><a class="button" href="/login">Sign in again</a></p>
</section>`;
}
