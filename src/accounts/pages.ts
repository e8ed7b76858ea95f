import { html, type Html } from '../web/html.js';

export function loginForm(options: { csrf: string; next: string; email?: string; error?: string; notice?: string }): Html {
  return html`<section class="narrow-form">
  <h1>Sign in</h1>
  <p class="muted">For editors, moderators and admins of this site.</p>
  ${options.notice ? html`<p class="notice notice--ok" role="status">${options.notice}</p>` : ''}
  ${options.error ? html`<p class="notice notice--error" role="alert">${options.error}</p>` : ''}
  <form method="post" action="/login">
    <input type="hidden" name="_csrf" value="${options.csrf}">
    <input type="hidden" name="next" value="${options.next}">
    <label for="email">Email</label>
    <input id="email" name="email" type="email" autocomplete="username" required value="${options.email ?? ''}" autofocus>
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <p><button type="submit">Sign in</button></p>
  </form>
  <p><a href="/login/forgot">Forgot password?</a></p>
</section>`;
}
